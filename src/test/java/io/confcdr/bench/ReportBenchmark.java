package io.confcdr.bench;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.generate.GeneratedPartner;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.lifecycle.AggregateCompaction;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Cdr;
import io.confcdr.query.FilterParser;
import io.confcdr.report.GroupKey;
import io.confcdr.report.Reports;
import io.confcdr.report.SummaryRefresh;
import io.confcdr.report.UsagePlan;
import io.confcdr.report.UsageQuery;
import io.confcdr.store.sql.CdrTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Usage reports on a loaded store, in-process ({@link Reports}, no HTTP): one reseller's subtree over
 * the month of the generated traffic grouped by day, by the aggregate path and by the scan path in
 * turn; the same report with only the aggregate cells read (what the aggregates alone cost); and
 * {@code group_by=partner_sid&rollup=tree} over all partners.
 */
final class ReportBenchmark {

    private static final int LOAD_BATCH = 5000;
    private static final String MONTH = "date_start ge 2024-12-01T00:00:00Z and date_start lt 2025-01-01T00:00:00Z";

    private final String kind;
    private final long records;
    private final int rounds;
    private final int scanRounds;
    private final String keptSchema;

    ReportBenchmark(String kind, long records, int rounds, int scanRounds, String keptSchema) {
        this.kind = kind;
        this.records = records;
        this.rounds = rounds;
        this.scanRounds = scanRounds;
        this.keptSchema = keptSchema;
    }

    void run() throws Exception {
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(11));
        try (var store = BenchStore.open(kind, generator, keptSchema)) {
            fill(store);
            var storage = store.storage();
            settle(store);
            var reports = new Reports(storage.cdrs(), storage.partners(), storage.usage(), storage.summaries());
            GeneratedPartner reseller = generator.partners().stream()
                    .filter(p -> generator.rootPartner().sid().equals(p.parentSid())).findFirst().orElseThrow();
            Reports.Reader subtree = reports.readerFor(bearer(reseller.sid()));
            Reports.Reader everything = reports.readerFor(bearer(generator.rootPartner().sid()));
            var byDay = new UsageQuery(FilterParser.parse(MONTH), List.of(GroupKey.DAY), ZoneId.of("Europe/Berlin"), false);
            var rollup = new UsageQuery(FilterParser.parse(null), List.of(GroupKey.PARTNER_SID), ZoneId.of("UTC"), true);

            var chosen = subtree.usage(byDay, null);
            Bench.say("subtree %s by day: %d rows, %,d legs, path %s", reseller.name(), chosen.rows().size(),
                    chosen.rows().stream().mapToLong(r -> r.measures().legs()).sum(), chosen.plan());
            var aggregated = subtree.usage(byDay, UsagePlan.Path.AGGREGATES);
            if (!aggregated.rows().equals(chosen.rows())) {
                throw new IllegalStateException("the summaries and the aggregates disagree on the subtree by day");
            }
            List<Long> summaryNanos = new ArrayList<>();
            List<Long> aggregateNanos = new ArrayList<>();
            List<Long> scanNanos = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                summaryNanos.add(time(() -> subtree.usage(byDay, null)));
                if (i < scanRounds) {
                    aggregateNanos.add(time(() -> subtree.usage(byDay, UsagePlan.Path.AGGREGATES)));
                    scanNanos.add(time(() -> subtree.usage(byDay, UsagePlan.Path.SCAN)));
                }
            }
            List<Long> cellNanos = new ArrayList<>();
            var visibility = storage.partners().subtree(reseller.sid());
            for (int i = 0; i < rounds; i++) {
                cellNanos.add(time(() -> {
                    long[] n = new long[1];
                    storage.usage().read(byDay.filter(), new io.confcdr.query.Visibility(visibility), cell -> n[0]++, java.util.Set.of(), null);
                    return n[0];
                }));
            }
            var rolledUp = everything.usage(rollup, null);
            if (!everything.usage(rollup, UsagePlan.Path.AGGREGATES).rows().equals(rolledUp.rows())) {
                throw new IllegalStateException("the summaries and the aggregates disagree on the rollup");
            }
            Bench.say("rollup tree: %d rows, path %s", rolledUp.rows().size(), rolledUp.plan());
            List<Long> rollupNanos = new ArrayList<>();
            List<Long> rollupAggregateNanos = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                rollupNanos.add(time(() -> everything.usage(rollup, null)));
                if (i < scanRounds) {
                    rollupAggregateNanos.add(time(() -> everything.usage(rollup, UsagePlan.Path.AGGREGATES)));
                }
            }
            var summarised = new Latencies(unbox(summaryNanos));
            var agg = new Latencies(unbox(aggregateNanos));
            var scan = new Latencies(unbox(scanNanos));
            Bench.say("RESULT usage subtree month by day, summaries path: %s", summarised.summary());
            Bench.say("RESULT usage subtree month by day, aggregate path: %s", agg.summary());
            Bench.say("RESULT usage subtree month by day, scan path:      %s", scan.summary());
            Bench.say("RESULT ratio summaries/scan p50: %.4f", summarised.millis(0.5) / scan.millis(0.5));
            Bench.say("RESULT ratio aggregate/scan p50: %.3f", agg.millis(0.5) / scan.millis(0.5));
            Bench.say("RESULT aggregate cells only (no meetings, no peak): %s", new Latencies(unbox(cellNanos)).summary());
            Bench.say("RESULT usage group_by=partner_sid&rollup=tree, all partners, summaries path: %s",
                    new Latencies(unbox(rollupNanos)).summary());
            Bench.say("RESULT usage group_by=partner_sid&rollup=tree, all partners, aggregate path: %s",
                    new Latencies(unbox(rollupAggregateNanos)).summary());
        }
    }

    /**
     * What a server in service has done by the time someone asks for a report: merged the aggregates' delta
     * rows ({@code serve} does every minute) and, on PostgreSQL, vacuumed and analyzed the tables (autovacuum
     * does soon after a load of inserts): statistics, and the visibility map that lets the span read be an
     * index-only scan. Runs on a kept schema too, where it finds little left to do.
     */
    private void settle(BenchStore store) {
        long start = System.nanoTime();
        var compaction = new AggregateCompaction(store.storage().usage(), new SimpleMeterRegistry(), AggregateCompaction.DEFAULT_UNITS);
        long units = 0;
        for (long done = compaction.runOnce(); done > 0; done = compaction.runOnce()) {
            units += done;
        }
        Bench.say("merged the aggregates of %,d partner-slot units in %.1f s", units, (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        long marks = new SummaryRefresh(store.storage().summaries(), SummaryRefresh.DEFAULT_MARKS)
                .refreshAll(Integer.MAX_VALUE);
        Bench.say("refreshed the summaries of %,d stale marks in %.1f s", marks, (System.nanoTime() - start) / 1e9);
        if (kind.equals("postgres")) {
            start = System.nanoTime();
            var dsl = store.storage().database().dsl();
            dsl.execute("VACUUM (ANALYZE) cdr_usage");
            dsl.execute("VACUUM (ANALYZE) cdr");
            dsl.execute("VACUUM (ANALYZE) cdr_summary");
            dsl.execute("VACUUM (ANALYZE) cdr_summary_stale");
            Bench.say("vacuumed and analyzed cdr and cdr_usage in %.1f s", (System.nanoTime() - start) / 1e9);
        }
    }

    private static Caller bearer(String partnerSid) {
        return new Caller.Bearer(new ApiToken("bench", partnerSid, "bench", Set.of(Scopes.APP_READ, Scopes.APP_READ_DESCENDANT),
                Instant.EPOCH, null, null, null));
    }

    private static long time(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return System.nanoTime() - start;
    }

    private static long[] unbox(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private void fill(BenchStore store) {
        var dsl = store.storage().database().dsl();
        var table = new CdrTable(store.storage().database().dialect());
        long present = dsl.fetchCount(table.table());
        if (present == records) {
            Bench.say("reusing the %,d records of schema %s", present, keptSchema);
            return;
        }
        if (present != 0) {
            throw new IllegalStateException("schema " + keptSchema + " holds " + present + " records, not " + records);
        }
        Iterator<Cdr> traffic = new TrafficGenerator(TrafficSettings.ofSeed(11)).records(records);
        long start = System.nanoTime();
        long n = 0;
        while (traffic.hasNext()) {
            List<Cdr> batch = new ArrayList<>(LOAD_BATCH);
            while (batch.size() < LOAD_BATCH && traffic.hasNext()) {
                batch.add(traffic.next());
                n++;
            }
            store.storage().cdrs().insert(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Bench.say("loaded %,d records into %s in %.1f s (%.0f records/s through CdrStore.insert)", n, kind, seconds, n / seconds);
    }
}
