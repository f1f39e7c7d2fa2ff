package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Cdr;
import io.confcdr.model.Partner;
import io.confcdr.model.Seconds;
import io.confcdr.query.FilterParser;
import io.confcdr.query.RandomCdrs;
import io.confcdr.report.GroupKey;
import io.confcdr.report.Reports;
import io.confcdr.report.SummaryRefresh;
import io.confcdr.report.UsagePlan;
import io.confcdr.report.UsageQuery;
import io.confcdr.report.UsageRow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The slot summaries answer exactly what a scan answers whatever happened since the last refresh: fresh
 * records (stale slots are computed from their legs), a meeting's earlier leg arriving late, the retention
 * purge, a partner moving to another parent, records stored before V13, refreshes running at once.
 * Tree: root, under it a reseller with partners A and B, and partner C.
 */
abstract class SlotSummaryContract {

    private static final String ROOT = "sum-root";
    private static final String RESELLER = "sum-reseller";
    private static final List<String> LEAVES = List.of("sum-a", "sum-b", "sum-c");
    private static final Instant DAY_1 = Instant.parse("2024-12-14T00:00:00Z");
    private static final String MONTH = "date_start ge 2024-12-01T00:00:00Z and date_start lt 2025-01-01T00:00:00Z";

    private SqlStorage storage;

    /** A migrated, empty storage; called again with false to reopen the same database. */
    protected abstract SqlStorage open(boolean fresh);

    private void start() {
        storage = open(true);
        storage.partners().create(new Partner(ROOT, "Root", null, Partner.ACTIVE, Instant.EPOCH));
        storage.partners().create(new Partner(RESELLER, "Reseller", ROOT, Partner.ACTIVE, Instant.EPOCH));
        storage.partners().create(new Partner("sum-a", "A", RESELLER, Partner.ACTIVE, Instant.EPOCH));
        storage.partners().create(new Partner("sum-b", "B", RESELLER, Partner.ACTIVE, Instant.EPOCH));
        storage.partners().create(new Partner("sum-c", "C", ROOT, Partner.ACTIVE, Instant.EPOCH));
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void reportsEqualTheScanWhileSlotsAreStaleAndAfterTheRefresh() {
        start();
        storage.cdrs().insert(traffic(21, 400));
        assertEveryReportEqualsTheScan("stale");

        refresh();

        assertThat(staleMarks()).isZero();
        assertEveryReportEqualsTheScan("refreshed");
    }

    @Test
    void aMeetingsEarlierLegArrivingLateIsCountedOnceAcrossDays() {
        start();
        storage.cdrs().insert(List.of(leg("late-2", "sum-a", "m-1", DAY_1.plus(Duration.ofHours(25)), 600)));
        refresh();

        storage.cdrs().insert(List.of(leg("late-1", "sum-b", "m-1", DAY_1.plus(Duration.ofHours(2)), 600)));

        assertThat(total(ROOT).measures().meetings()).as("before the refresh").isEqualTo(1);
        refresh();
        assertThat(total(ROOT).measures().meetings()).as("after the refresh").isEqualTo(1);
        assertEveryReportEqualsTheScan("late leg");
    }

    @Test
    void aRecordUpForMillenniaIsMarkedWhereRecordsStartAndCountedExactly() {
        start();
        storage.cdrs().insert(traffic(26, 200));
        refresh();
        Instant dawn = Instant.parse("0001-01-01T00:00:00Z");
        storage.cdrs().insert(List.of(Cdr.builder().callSid("forever").partnerSid("sum-b").meetingSid("m-forever")
                .dateStart(dawn).dateStop(Instant.parse("9999-12-31T23:59:59.999Z")).build()));

        // Local mean time before 1900 is off the quarter hours: reports reaching back there without a lower
        // bound on date_start scan, the bounded ones must still take the summaries.
        assertEveryReportEqualsTheScan("a record of millennia, stale", false);
        refresh();
        assertEveryReportEqualsTheScan("a record of millennia, refreshed", false);
    }

    @Test
    void theRetentionPurgeTakesItsLegsOutOfTheSummaries() {
        start();
        List<Cdr> legs = traffic(22, 300);
        storage.cdrs().insert(legs);
        refresh();
        Instant cutoff = legs.stream().map(Cdr::dateStop).sorted().toList().get(legs.size() / 2);

        assertThat(storage.retention().purgeExpired(Set.of("sum-a", "sum-c"), cutoff, 1_000)).isPositive();

        assertEveryReportEqualsTheScan("purged, stale");
        refresh();
        assertEveryReportEqualsTheScan("purged, refreshed");
    }

    @Test
    void aPartnerMovedToAnotherParentTakesItsLegsAlong() {
        start();
        storage.cdrs().insert(traffic(23, 300));
        refresh();
        long resellerLegs = total(RESELLER).measures().legs();

        Partner a = storage.partners().find("sum-a").orElseThrow();
        storage.partners().update(new Partner(a.sid(), a.name(), "sum-c", a.status(), a.dateCreated()));

        assertEveryReportEqualsTheScan("moved, stale");
        refresh();
        assertEveryReportEqualsTheScan("moved, refreshed");
        assertThat(total(RESELLER).measures().legs()).isLessThan(resellerLegs);
    }

    @Test
    void theMigrationMarksEverySlotOfRecordsStoredBeforeIt() {
        start();
        storage.cdrs().insert(traffic(24, 300));
        // Back to a store of version 12: V13 runs again on the records it holds.
        storage.database().write(tx -> {
            tx.execute("DROP TABLE cdr_summary");
            tx.execute("DROP TABLE cdr_summary_stale");
            tx.execute("DROP TABLE cdr_summary_bound");
            tx.execute("DROP INDEX cdr_meeting_sid_date_start");
            tx.execute("CREATE INDEX cdr_meeting_sid ON cdr (meeting_sid)");
            return tx.execute("DELETE FROM flyway_schema_history WHERE version = '13'");
        });
        storage.close();
        storage = open(false);

        assertThat(staleMarks()).isPositive();
        refresh();
        assertEveryReportEqualsTheScan("migrated");
    }

    @Test
    void refreshesRunningAtOnceWithIngestLeaveExactSummaries() throws Exception {
        start();
        List<Cdr> legs = traffic(25, 600);
        storage.cdrs().insert(legs.subList(0, 200));
        try (var threads = Executors.newFixedThreadPool(3)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                running.add(threads.submit(() -> new SummaryRefresh(storage.summaries(), 150).refreshAll(10_000)));
            }
            running.add(threads.submit(() -> {
                for (int from = 200; from < legs.size(); from += 20) {
                    storage.cdrs().insert(legs.subList(from, from + 20));
                }
            }));
            for (Future<?> future : running) {
                future.get();
            }
        }
        refresh();
        assertThat(staleMarks()).isZero();
        assertEveryReportEqualsTheScan("after concurrent refreshes");
    }

    private void assertEveryReportEqualsTheScan(String when) {
        assertEveryReportEqualsTheScan(when, true);
    }

    /**
     * By day in two zones, by month, in total, and rolled up by partner: each equal to the scan, for two
     * roots; each from the summaries (unless not {@code everyFromSummaries} and the report has no date bound).
     */
    private void assertEveryReportEqualsTheScan(String when, boolean everyFromSummaries) {
        List<UsageQuery> queries = List.of(
                query(MONTH, List.of(GroupKey.DAY), "Europe/Berlin", false),
                query(null, List.of(GroupKey.HOUR), "Asia/Kathmandu", false),
                query(MONTH, List.of(GroupKey.MONTH), "America/New_York", false),
                query("date_start ge 2024-12-14T10:15:00Z and date_start lt 2024-12-31T00:00:00Z", List.of(), "UTC", false),
                query(null, List.of(), "UTC", false),
                query(MONTH, List.of(GroupKey.PARTNER_SID), "UTC", true),
                query(null, List.of(GroupKey.PARTNER_SID, GroupKey.DAY), "Asia/Kolkata", true));
        for (String root : List.of(ROOT, RESELLER)) {
            Reports.Reader reader = reader(root);
            for (UsageQuery query : queries) {
                var summarised = reader.usage(query, null);
                if (everyFromSummaries || !query.filter().conditions().isEmpty()) {
                    assertThat(summarised.plan().path()).as(when + ", " + query).isEqualTo(UsagePlan.Path.SUMMARIES);
                }
                assertThat(summarised.rows()).as(when + ", " + root + ", " + query)
                        .isEqualTo(reader.usage(query, UsagePlan.Path.SCAN).rows());
            }
        }
    }

    private UsageRow total(String root) {
        return reader(root).usage(query(MONTH, List.of(), "UTC", false), null).rows().getFirst();
    }

    private static UsageQuery query(String filter, List<GroupKey> groupBy, String zone, boolean rollup) {
        return new UsageQuery(FilterParser.parse(filter), groupBy, ZoneId.of(zone), rollup);
    }

    private Reports.Reader reader(String partner) {
        var token = new ApiToken("summary-test", partner, "test", Set.of(Scopes.APP_READ, Scopes.APP_READ_DESCENDANT),
                Instant.EPOCH, null, null, null);
        return new Reports(storage.cdrs(), storage.partners(), storage.usage(), storage.summaries())
                .readerFor(new Caller.Bearer(token));
    }

    private void refresh() {
        new SummaryRefresh(storage.summaries(), SummaryRefresh.DEFAULT_MARKS).refreshAll(10_000);
    }

    private int staleMarks() {
        return storage.database().read(dsl -> dsl.fetchCount(SummaryMarks.STALE));
    }

    /**
     * RandomCdrs' legs (meetings, overlaps, zero lengths) of the three leaves and the reseller itself, spread
     * over four days in steps of quarter hours, so that meetings and legs up cross slots and days.
     */
    private static List<Cdr> traffic(long seed, int count) {
        List<String> partners = new ArrayList<>(LEAVES);
        partners.add(RESELLER);
        var random = new Random(seed);
        List<Cdr> legs = new ArrayList<>();
        for (Cdr cdr : new RandomCdrs(random, partners).records(count)) {
            Duration shift = Duration.ofMinutes(15L * random.nextInt(4 * 96));
            legs.add(cdr.toBuilder()
                    .dateStart(cdr.dateStart().plus(shift))
                    .dateStop(cdr.dateStop().plus(shift))
                    .dateJoin(cdr.dateJoin() == null ? null : cdr.dateJoin().plus(shift))
                    .dateDisconnected(cdr.dateDisconnected() == null ? null : cdr.dateDisconnected().plus(shift))
                    .build());
        }
        return legs;
    }

    private static Cdr leg(String callSid, String partner, String meeting, Instant start, int seconds) {
        return Cdr.builder().callSid(callSid).partnerSid(partner).meetingSid(meeting).dateStart(start)
                .dateStop(start.plusSeconds(seconds)).duration(Seconds.ofMillis(seconds * 1000L)).build();
    }
}
