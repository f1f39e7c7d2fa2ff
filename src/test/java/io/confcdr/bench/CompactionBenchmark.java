package io.confcdr.bench;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.lifecycle.AggregateCompaction;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Cdr;
import io.confcdr.query.FilterParser;
import io.confcdr.query.Visibility;
import io.confcdr.report.GroupKey;
import io.confcdr.report.Reports;
import io.confcdr.report.UsagePlan;
import io.confcdr.report.UsageQuery;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What compaction of the usage aggregates buys a store fed as bridges feed it: records stored in small
 * batches (default 100, a batch every 50 ms at 2 000 CDR/s) leave a delta row per batch and cell. Prints the
 * rows of {@code cdr_usage} and the time of reading the month's cells of every partner, then of the whole
 * usage report by day on the aggregate path, before and after one compaction pass (timed too); the floor is
 * the same reads after compaction.
 */
final class CompactionBenchmark {

    private static final String MONTH = "date_start ge 2024-12-01T00:00:00Z and date_start lt 2025-01-01T00:00:00Z";

    private final String kind;
    private final int records;
    private final int batch;
    private final int rounds;

    CompactionBenchmark(String kind, int records, int batch, int rounds) {
        this.kind = kind;
        this.records = records;
        this.batch = batch;
        this.rounds = rounds;
    }

    void run() throws Exception {
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(11));
        try (var store = BenchStore.open(kind, generator)) {
            var storage = store.storage();
            Iterator<Cdr> traffic = generator.records(records);
            long start = System.nanoTime();
            while (traffic.hasNext()) {
                List<Cdr> next = new ArrayList<>(batch);
                while (next.size() < batch && traffic.hasNext()) {
                    next.add(traffic.next());
                }
                storage.cdrs().insert(next);
            }
            Bench.say("loaded %,d records in batches of %d in %.1f s", records, batch, (System.nanoTime() - start) / 1e9);
            if (kind.equals("postgres")) {
                storage.database().dsl().execute("ANALYZE");
            }
            String root = generator.rootPartner().sid();
            var visibility = new Visibility(storage.partners().subtree(root));
            var byDay = new UsageQuery(FilterParser.parse(MONTH), List.of(GroupKey.DAY), ZoneId.of("Europe/Berlin"), false);
            Reports.Reader reader = new Reports(storage.cdrs(), storage.partners(), storage.usage(), storage.summaries())
                    .readerFor(new Caller.Bearer(new ApiToken("bench", root, "bench",
                            Set.of(Scopes.APP_READ, Scopes.APP_READ_DESCENDANT), Instant.EPOCH, null, null, null)));

            long rowsBefore = rows(store);
            var cellsBefore = new Latencies(times(() -> readCells(storage, byDay, visibility)));
            var reportBefore = new Latencies(times(() -> reader.usage(byDay, UsagePlan.Path.AGGREGATES)));
            var compaction = new AggregateCompaction(storage.usage(), new SimpleMeterRegistry(), AggregateCompaction.DEFAULT_UNITS);
            long compacting = System.nanoTime();
            long units = 0;
            for (long done = compaction.runOnce(); done > 0; done = compaction.runOnce()) {
                units += done;
            }
            double compactSeconds = (System.nanoTime() - compacting) / 1e9;
            if (kind.equals("postgres")) {
                storage.database().dsl().execute("VACUUM ANALYZE cdr_usage");
            }
            long rowsAfter = rows(store);
            var cellsAfter = new Latencies(times(() -> readCells(storage, byDay, visibility)));
            var reportAfter = new Latencies(times(() -> reader.usage(byDay, UsagePlan.Path.AGGREGATES)));

            Bench.say("RESULT cdr_usage rows: %,d before compaction, %,d after (%.3f rows per record before)", rowsBefore,
                    rowsAfter, rowsBefore / (double) records);
            Bench.say("RESULT compaction pass: %,d partner-slot units in %.2f s", units, compactSeconds);
            Bench.say("RESULT month's cells, every partner: before %s; after %s; ratio before/after p50 %.2f",
                    cellsBefore.summary(), cellsAfter.summary(), cellsBefore.millis(0.5) / cellsAfter.millis(0.5));
            Bench.say("RESULT usage report by day, aggregate path: before %s; after %s; ratio before/after p50 %.2f",
                    reportBefore.summary(), reportAfter.summary(), reportBefore.millis(0.5) / reportAfter.millis(0.5));
        }
    }

    private static long readCells(io.confcdr.store.sql.SqlStorage storage, UsageQuery query, Visibility visibility) {
        long[] n = new long[1];
        storage.usage().read(query.filter(), visibility, cell -> n[0]++, Set.of(), null);
        return n[0];
    }

    private static long rows(BenchStore store) {
        return store.storage().database().dsl().fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("cdr_usage")));
    }

    private long[] times(java.util.function.Supplier<?> work) {
        work.get();
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }
}
