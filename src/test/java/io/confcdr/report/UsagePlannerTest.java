package io.confcdr.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.query.FilterParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which usage reports the aggregates can answer, decided without a store. */
class UsagePlannerTest {

    private static final Optional<Instant> DATA_FROM_2024 = Optional.of(Instant.parse("2024-01-01T00:00:00Z"));

    private static UsagePlan plan(String filter, String groupBy, String zone) {
        var query = new UsageQuery(FilterParser.parse(filter), ReportRequests.groupBy(groupBy), ZoneId.of(zone),
                groupBy != null && groupBy.contains("partner_sid"));
        return UsagePlanner.plan(query, true, () -> DATA_FROM_2024);
    }

    private static UsagePlan planOnSummaries(String filter, String groupBy, boolean rollup, boolean wholeSubtree) {
        var query = new UsageQuery(FilterParser.parse(filter), ReportRequests.groupBy(groupBy), ZoneId.of("Europe/Berlin"), rollup);
        return UsagePlanner.plan(query, true, wholeSubtree, () -> DATA_FROM_2024);
    }

    private static final String DECEMBER = "date_start ge 2024-12-01T00:00:00Z and date_start lt 2025-01-01T00:00:00Z";

    @Test
    void aMonthOfAWholeSubtreeByDayComesFromTheSummaries() {
        assertThat(planOnSummaries(DECEMBER, "day", false, true).path()).isEqualTo(UsagePlan.Path.SUMMARIES);
        assertThat(planOnSummaries(null, "month,hour", false, true).path()).isEqualTo(UsagePlan.Path.SUMMARIES);
        assertThat(planOnSummaries(DECEMBER, null, false, true).path()).isEqualTo(UsagePlan.Path.SUMMARIES);
    }

    @Test
    void aRollupOfAWholeSubtreeComesFromTheSummaries() {
        assertThat(planOnSummaries(DECEMBER, "partner_sid", true, true).path()).isEqualTo(UsagePlan.Path.SUMMARIES);
        assertThat(planOnSummaries(DECEMBER, "day,partner_sid", true, true).path()).isEqualTo(UsagePlan.Path.SUMMARIES);
    }

    @Test
    void partnerRowsWithoutRollupKeepToTheAggregates() {
        assertThat(planOnSummaries(DECEMBER, "partner_sid", false, true).path()).isEqualTo(UsagePlan.Path.AGGREGATES);
    }

    @Test
    void aFilterOnAnythingButDateStartKeepsToTheAggregates() {
        assertThat(planOnSummaries(DECEMBER + " and partner_sid eq a", "day", false, true).path()).isEqualTo(UsagePlan.Path.AGGREGATES);
        assertThat(planOnSummaries("direction eq inbound", "day", false, true).path()).isEqualTo(UsagePlan.Path.AGGREGATES);
    }

    @Test
    void whatTheAggregatesCannotAnswerTheSummariesCannotEither() {
        assertThat(planOnSummaries("date_start ge 2024-12-01T00:07:00Z", "day", false, true).path()).isEqualTo(UsagePlan.Path.SCAN);
        assertThat(planOnSummaries(DECEMBER, "bridge", false, true).path()).isEqualTo(UsagePlan.Path.SCAN);
    }

    @Test
    void aGroupThatMayOutlastOneHundredDaysKeepsToTheAggregates() {
        assertThat(planOnSummaries("date_start ge 2024-01-01T00:00:00Z", "partner_sid", true, true).path())
                .isEqualTo(UsagePlan.Path.AGGREGATES);
        assertThat(planOnSummaries("date_start ge 2024-01-01T00:00:00Z and date_start lt 2025-01-01T00:00:00Z", null, false, true)
                .path()).isEqualTo(UsagePlan.Path.AGGREGATES);
        assertThat(planOnSummaries(null, "partner_sid", true, true).path()).as("no start: everything earlier counts")
                .isEqualTo(UsagePlan.Path.SUMMARIES);
        assertThat(planOnSummaries("date_start ge 2024-01-01T00:00:00Z", "month", false, true).path()).as("groups of a month")
                .isEqualTo(UsagePlan.Path.SUMMARIES);
    }

    @Test
    void aCallerSeeingLessThanAWholeSubtreeKeepsToTheAggregates() {
        assertThat(planOnSummaries(DECEMBER, "day", false, false).path()).isEqualTo(UsagePlan.Path.AGGREGATES);
    }

    @Test
    void aMonthOfASubtreeByDayComesFromTheAggregates() {
        assertThat(plan("partner_sid in (a, b) and date_start ge 2024-12-01T00:00:00Z and date_start lt 2025-01-01T00:00:00Z",
                "partner_sid,day", "Europe/Paris").path()).isEqualTo(UsagePlan.Path.AGGREGATES);
    }

    @Test
    void filtersOnKeptDimensionsComeFromTheAggregates() {
        assertThat(plan("direction eq inbound and role in (host, listener) and disconnect_cause ne 16 and custom_call_type eq null",
                "role,disconnect_cause,month", "UTC").path()).isEqualTo(UsagePlan.Path.AGGREGATES);
    }

    @Test
    void aDateBoundOffAQuarterHourScans() {
        assertThat(plan("date_start ge 2024-12-01T00:07:00Z", null, "UTC").path()).isEqualTo(UsagePlan.Path.SCAN);
        assertThat(plan("date_start gt 2024-12-01T00:00:00Z", null, "UTC").path()).isEqualTo(UsagePlan.Path.SCAN);
        assertThat(plan("date_start le 2024-12-01T00:00:00Z", null, "UTC").path()).isEqualTo(UsagePlan.Path.SCAN);
    }

    @Test
    void aFilterOnAFieldNotKeptScans() {
        assertThat(plan("number_src eq 15550001111", null, "UTC").reason()).contains("number_src");
        assertThat(plan("date_stop ge 2024-12-01T00:00:00Z", null, "UTC").path()).isEqualTo(UsagePlan.Path.SCAN);
    }

    @Test
    void groupingByAKeyNotKeptScans() {
        for (String key : List.of("meeting_sid", "meeting_room_sid", "bridge", "node")) {
            assertThat(plan(null, key, "UTC").path()).as(key).isEqualTo(UsagePlan.Path.SCAN);
        }
    }

    @Test
    void zonesOffsetByHalfAndQuarterHoursLineUpWithTheSlots() {
        for (String zone : List.of("Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns")) {
            assertThat(plan(null, "hour", zone).path()).as(zone).isEqualTo(UsagePlan.Path.AGGREGATES);
        }
    }

    @Test
    void aCalendarKeyScansWhenTheZoneClockChangedOffTheSlotsWithinTheRange() {
        // Paris kept local mean time (+00:09:21) until 1891; Monrovia was at -00:44:30 until 1972.
        var paris = new UsageQuery(FilterParser.parse(null), List.of(GroupKey.DAY), ZoneId.of("Europe/Paris"), false);
        assertThat(UsagePlanner.plan(paris, true, () -> Optional.of(Instant.parse("1880-01-01T00:00:00Z"))).path())
                .isEqualTo(UsagePlan.Path.SCAN);
        assertThat(plan("date_start ge 1971-01-01T00:00:00Z", "day", "Africa/Monrovia").path()).isEqualTo(UsagePlan.Path.SCAN);
        assertThat(plan("date_start ge 1973-01-01T00:00:00Z", "day", "Africa/Monrovia").path()).isEqualTo(UsagePlan.Path.AGGREGATES);
    }

    @Test
    void withoutCalendarKeysTheZoneDoesNotMatter() {
        var paris = new UsageQuery(FilterParser.parse(null), List.of(GroupKey.PARTNER_SID), ZoneId.of("Europe/Paris"), true);
        assertThat(UsagePlanner.plan(paris, true, () -> Optional.of(Instant.parse("1880-01-01T00:00:00Z"))).path())
                .isEqualTo(UsagePlan.Path.AGGREGATES);
    }

    @Test
    void aStoreWithoutAggregatesAlwaysScans() {
        var query = new UsageQuery(FilterParser.parse(null), List.of(), ZoneId.of("UTC"), false);
        assertThat(UsagePlanner.plan(query, false, Optional::empty).path()).isEqualTo(UsagePlan.Path.SCAN);
    }
}
