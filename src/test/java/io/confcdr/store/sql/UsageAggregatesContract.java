package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.Erasure;
import io.confcdr.model.ErasureMode;
import io.confcdr.model.Partner;
import io.confcdr.query.Filter;
import io.confcdr.query.RandomCdrs;
import io.confcdr.query.Visibility;
import io.confcdr.store.ErasureStore;
import io.confcdr.store.UsageCell;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The usage aggregates equal the sums over the stored records after inserts (the whole-batch path and the
 * careful one, with duplicates), erasures (deleted legs subtracted, redacted legs unchanged), the retention
 * purge, and after the V10 migration backfilled them from records stored before it; compaction merges the
 * rows of many small batches into one per cell without changing a sum, also while ingest goes on.
 */
abstract class UsageAggregatesContract {

    private static final List<String> PARTNERS = List.of("agg-p1", "agg-p2", "agg-p3");

    private SqlStorage storage;

    /** A migrated, empty storage; called again by {@link #reopen} on the same database. */
    protected abstract SqlStorage open(boolean fresh);

    private SqlStorage start() {
        storage = open(true);
        for (String sid : PARTNERS) {
            storage.partners().create(new Partner(sid, sid, null, Partner.ACTIVE, Instant.EPOCH));
        }
        return storage;
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void cellsEqualTheSumsOverTheRecordsAfterInsertsAndErasures() {
        start();
        var random = new Random(12);
        List<Cdr> legs = new RandomCdrs(random, PARTNERS).records(300);
        storage.cdrs().insert(legs.subList(0, 200));
        storage.cdrs().insert(legs.subList(150, 300));
        for (int i = 0; i < 6; i++) {
            Cdr leg = legs.get(random.nextInt(legs.size()));
            String number = leg.numberSrc() != null ? leg.numberSrc() : leg.numberDst();
            if (number != null) {
                var erasure = new Erasure("agg-er-" + i, Instant.now(), i % 3 == 0 ? ErasureMode.REDACT : ErasureMode.DELETE,
                        "0".repeat(64), 0, null, null);
                storage.erasures().erase(new ErasureStore.Command(erasure, number, null, null), new Visibility(Set.copyOf(PARTNERS)));
            }
        }

        assertThat(cells()).isEqualTo(expectedCells());
    }

    @Test
    void cellsEqualTheSumsOverTheRecordsAfterTheRetentionPurge() {
        start();
        List<Cdr> legs = new RandomCdrs(new Random(14), PARTNERS).records(300);
        storage.cdrs().insert(legs);
        Instant cutoff = legs.stream().map(Cdr::dateStop).sorted().toList().get(legs.size() / 2);

        int purged = storage.retention().purgeExpired(Set.of("agg-p1", "agg-p2"), cutoff, 40);
        purged += storage.retention().purgeExpired(Set.of("agg-p1", "agg-p2"), cutoff, 1_000);

        assertThat(purged).isPositive();
        assertThat(cells()).isEqualTo(expectedCells());
    }

    @Test
    void theMigrationBackfillsTheAggregatesOfRecordsStoredBeforeIt() {
        start();
        storage.cdrs().insert(new RandomCdrs(new Random(13), PARTNERS).records(250));
        List<UsageCell> kept = cells();
        // Back to a store of version 9: the migrations after it run again on the records it holds.
        storage.database().write(tx -> {
            tx.execute("DROP TABLE cdr_usage");
            // V11 (an index on cdr) and V12 (a column of cdr_usage) run again after V10.
            tx.execute("DROP INDEX cdr_partner_date_start");
            // V13 (the slot summaries) reads cdr_usage.
            tx.execute("DROP TABLE cdr_summary");
            tx.execute("DROP TABLE cdr_summary_stale");
            tx.execute("DROP TABLE cdr_summary_bound");
            tx.execute("DROP INDEX cdr_meeting_sid_date_start");
            tx.execute("CREATE INDEX cdr_meeting_sid ON cdr (meeting_sid)");
            return tx.execute("DELETE FROM flyway_schema_history WHERE version IN ('10', '11', '12', '13')");
        });
        storage.close();

        storage = open(false);

        assertThat(cells()).isEqualTo(kept).isEqualTo(expectedCells());
    }

    @Test
    void compactionLeavesOneRowPerNonEmptyCellWithTheSameSums() {
        start();
        var random = new Random(15);
        List<Cdr> legs = new RandomCdrs(random, PARTNERS).records(400);
        for (int from = 0; from < legs.size(); from += 7) {
            storage.cdrs().insert(legs.subList(from, Math.min(legs.size(), from + 7)));
        }
        eraseSome(random, legs);
        List<UsageCell> before = cells();
        assertThat(rows()).as("rows of small batches before compaction").isGreaterThan(before.size());

        long merged = 0;
        for (int done = storage.usage().compact(5); done > 0; done = storage.usage().compact(5)) {
            merged += done;
        }

        assertThat(merged).isPositive();
        assertThat(rows()).isEqualTo(before.size());
        assertThat(cells()).isEqualTo(before).isEqualTo(expectedCells());
        assertThat(storage.usage().compact(5)).as("nothing left to merge").isZero();
    }

    @Test
    void aCellWhoseLegsWereAllDeletedDisappearsAtCompaction() {
        start();
        List<Cdr> legs = new RandomCdrs(new Random(16), PARTNERS).records(200);
        storage.cdrs().insert(legs);
        Instant cutoff = legs.stream().map(Cdr::dateStop).sorted().toList().get(legs.size() - 1).plusSeconds(1);
        storage.retention().purgeExpired(Set.copyOf(PARTNERS), cutoff, 1_000);
        assertThat(rows()).as("legs added, then subtracted").isPositive();

        while (storage.usage().compact(50) > 0) {
            // until caught up
        }

        assertThat(rows()).isZero();
        assertThat(cells()).isEmpty();
    }

    @Test
    void compactionWhileIngestGoesOnKeepsEverySum() throws Exception {
        start();
        List<Cdr> legs = new RandomCdrs(new Random(17), PARTNERS).records(600);
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread ingest = Thread.ofVirtual().start(() -> {
            try {
                for (int from = 0; from < legs.size(); from += 5) {
                    storage.cdrs().insert(legs.subList(from, Math.min(legs.size(), from + 5)));
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        while (ingest.isAlive()) {
            storage.usage().compact(3);
        }
        ingest.join();
        assertThat(failure.get()).isNull();
        while (storage.usage().compact(50) > 0) {
            // until caught up
        }

        assertThat(cells()).isEqualTo(expectedCells());
        assertThat(rows()).isEqualTo(cells().size());
    }

    @Test
    void twoCompactorsAtOnceCountNoRowTwiceAndNeitherFails() throws Exception {
        start();
        List<Cdr> legs = new RandomCdrs(new Random(18), PARTNERS).records(500);
        for (int from = 0; from < legs.size(); from += 4) {
            storage.cdrs().insert(legs.subList(from, Math.min(legs.size(), from + 4)));
        }
        List<UsageCell> before = cells();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var start = new java.util.concurrent.CountDownLatch(1);
        List<Thread> compactors = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            compactors.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    while (storage.usage().compact(4) > 0) {
                        // until caught up
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        start.countDown();
        for (Thread compactor : compactors) {
            compactor.join();
        }

        assertThat(failure.get()).isNull();
        assertThat(cells()).isEqualTo(before).isEqualTo(expectedCells());
        assertThat(rows()).isEqualTo(before.size());
    }

    private void eraseSome(Random random, List<Cdr> legs) {
        for (int i = 0; i < 6; i++) {
            Cdr leg = legs.get(random.nextInt(legs.size()));
            String number = leg.numberSrc() != null ? leg.numberSrc() : leg.numberDst();
            if (number != null) {
                var erasure = new Erasure("agg-cx-" + i, Instant.now(), i % 3 == 0 ? ErasureMode.REDACT : ErasureMode.DELETE,
                        "0".repeat(64), 0, null, null);
                storage.erasures().erase(new ErasureStore.Command(erasure, number, null, null), new Visibility(Set.copyOf(PARTNERS)));
            }
        }
    }

    /** Rows of cdr_usage, merged or not. */
    private int rows() {
        return storage.database().read(dsl -> dsl.fetchCount(UsageAggregates.TABLE));
    }

    private List<UsageCell> cells() {
        List<UsageCell> cells = new ArrayList<>();
        storage.usage().read(Filter.ALL, new Visibility(Set.copyOf(PARTNERS)), cells::add, Set.of(), null);
        cells.sort(ORDER);
        return cells;
    }

    /** The cells computed in Java from the records the list route would return. */
    private List<UsageCell> expectedCells() {
        Map<List<Object>, long[]> sums = new HashMap<>();
        storage.cdrs().scan(new io.confcdr.query.CdrScan(Filter.ALL, io.confcdr.query.Order.INSERTION, null),
                new Visibility(Set.copyOf(PARTNERS)), cdr -> {
                    long slot = UsageAggregates.slotOf(cdr.dateStart().toEpochMilli());
                    long[] s = sums.computeIfAbsent(java.util.Arrays.asList(cdr.partnerSid(), slot, cdr.direction(), cdr.role(),
                            cdr.disconnectCause(), cdr.customCallType()), k -> new long[5]);
                    long micros = cdr.duration() == null ? 0 : cdr.duration().micros();
                    s[0]++;
                    s[1] += cdr.dateJoin() == null ? 0 : 1;
                    s[2] += cdr.disconnectCause() != null && cdr.disconnectCause() != 16 ? 1 : 0;
                    s[3] += micros;
                    s[4] += Math.ceilDiv(micros, 60_000_000L);
                });
        List<UsageCell> cells = new ArrayList<>();
        sums.forEach((k, s) -> cells.add(new UsageCell((String) k.get(0), Instant.ofEpochMilli((Long) k.get(1)),
                (String) k.get(2), (String) k.get(3), (Integer) k.get(4), (String) k.get(5), s[0], s[1], s[2], s[3], s[4])));
        cells.sort(ORDER);
        return cells;
    }

    private static final Comparator<UsageCell> ORDER = Comparator.comparing(UsageCell::toString);
}
