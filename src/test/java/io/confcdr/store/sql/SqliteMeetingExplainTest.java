package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.CdrField;
import io.confcdr.query.Comparison;
import io.confcdr.query.Condition;
import io.confcdr.query.Filter;
import io.confcdr.query.MeetingOrder;
import io.confcdr.query.MeetingQuery;
import io.confcdr.query.Visibility;
import io.confcdr.store.TestRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SQLite, a meeting's legs are read by seeking the meeting_sid index, and a page of the meetings list
 * by seeking indexes for the visible partners' legs, never by scanning cdr. The store holds the caller's
 * legs among those of 19 other partners, so that a scan would not be the planner's cheapest choice by
 * accident of the fixture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteMeetingExplainTest {

    @TempDir
    static Path dataDir;

    private final TestRecords records = new TestRecords();
    private SqlStorage storage;
    private DSLContext dsl;

    @BeforeAll
    void load() {
        storage = (SqlStorage) SqlStorageFactory.open(dataDir, null, Clock.systemUTC());
        dsl = storage.database().dsl();
        ExplainFixtures.callerAmongOthers(storage, records);
        dsl.execute("ANALYZE");
    }

    @AfterAll
    void close() {
        storage.close();
    }

    /** Every step that reads cdr seeks an index; {@code SCAN cdr} (with or without an index) walks it all. */
    private static void assertSeeksOnly(String plan) {
        assertThat(plan).contains("SEARCH cdr USING").doesNotContainPattern("SCAN cdr\\b");
    }

    private String plan(ResultQuery<?> query) {
        return dsl.fetch("EXPLAIN QUERY PLAN " + query.getSQL(), query.getBindValues().toArray()).stream()
                .map(row -> row.get("detail", String.class))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void meetingLegsSeekTheMeetingSidIndexForOnePartner() {
        var meetings = (SqlMeetingStore) storage.meetings();

        String plan = plan(meetings.legsQuery(dsl, "meeting-150", Visibility.of(records.partnerSid())));

        assertThat(plan).contains("USING INDEX cdr_meeting_sid").doesNotContain("SCAN cdr");
    }

    @Test
    void meetingLegsSeekTheMeetingSidIndexForAPartnerTree() {
        var meetings = (SqlMeetingStore) storage.meetings();

        String plan = plan(meetings.legsQuery(dsl, "meeting-150", Visibility.of(records.partnerSid(), "child-1", "child-2")));

        assertThat(plan).contains("USING INDEX cdr_meeting_sid").doesNotContain("SCAN cdr");
    }

    @Test
    void meetingListOfOnePartnerSeeksItsLegsThroughAnIndex() {
        var meetings = (SqlMeetingStore) storage.meetings();

        String plan = plan(meetings.pageQuery(dsl, new MeetingQuery(Filter.ALL, MeetingOrder.DEFAULT, 20, 0),
                Visibility.of(records.partnerSid())));

        assertSeeksOnly(plan);
    }

    @Test
    void meetingListFilteredByDateStartSeeksIndexes() {
        var meetings = (SqlMeetingStore) storage.meetings();
        Instant from = TestRecords.BASE.plus(Duration.ofHours(3));
        Filter range = Filter.ALL.and(new Condition.Compare(CdrField.DATE_START, Comparison.GE, from))
                .and(new Condition.Compare(CdrField.DATE_START, Comparison.LT, from.plus(Duration.ofHours(1))));

        String plan = plan(meetings.pageQuery(dsl, new MeetingQuery(range, MeetingOrder.DEFAULT, 20, 0),
                Visibility.of(records.partnerSid(), "other-1", "other-2")));

        assertSeeksOnly(plan);
    }

    @Test
    void pageOfMeetingsReadsItsLegsThroughTheMeetingSidIndex() {
        var meetings = (SqlMeetingStore) storage.meetings();

        String plan = plan(meetings.pageLegsQuery(dsl, List.of("meeting-10", "meeting-11", "meeting-12"),
                Visibility.of(records.partnerSid())));

        assertThat(plan).contains("USING INDEX cdr_meeting_sid").doesNotContainPattern("SCAN cdr\\b");
    }
}
