package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.CdrField;
import io.confcdr.query.Comparison;
import io.confcdr.query.Condition;
import io.confcdr.query.Filter;
import io.confcdr.query.MeetingOrder;
import io.confcdr.query.MeetingQuery;
import io.confcdr.query.Visibility;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * On PostgreSQL, with 100 000 analysed records of 20 partners in meetings of 10 legs, a meeting's legs
 * are read through the meeting_sid index ({@code WHERE meeting_sid = ? AND partner_sid IN (…)}), and a
 * page of the meetings list through indexes on the visible partners' legs, never by a sequential scan
 * of cdr. The SQL is the store's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresMeetingExplainTest {

    private static final int ROWS = 100_000;
    private static final Instant START = ExplainFixtures.START;

    private SqlStorage storage;
    private DSLContext dsl;

    @BeforeAll
    void load() throws SQLException {
        String url = PostgresTestDatabase.freshSchemaUrl(getClass());
        storage = (SqlStorage) SqlStorageFactory.open(null, url, Clock.systemUTC());
        dsl = storage.database().dsl();
        ExplainFixtures.copyLegs(url, ROWS, "role", i -> i % 10 == 0 ? "host" : "participant");
        dsl.execute("ANALYZE cdr");
    }

    @AfterAll
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    private String plan(Visibility visibility) {
        var meetings = (SqlMeetingStore) storage.meetings();
        return dsl.explain(meetings.legsQuery(dsl, "meeting-4321", visibility)).plan();
    }

    @Test
    void meetingLegsOfOnePartnerUseTheMeetingSidIndex() {
        assertThat(plan(Visibility.of("partner-01"))).doesNotContain("Seq Scan").contains("cdr_meeting_sid");
    }

    @Test
    void meetingLegsOfAPartnerTreeUseTheMeetingSidIndex() {
        assertThat(plan(Visibility.of("partner-01", "partner-02", "partner-03"))).doesNotContain("Seq Scan").contains("cdr_meeting_sid");
    }

    @Test
    void meetingListOfOnePartnerReadsItsLegsThroughIndexes() {
        var meetings = (SqlMeetingStore) storage.meetings();

        String plan = dsl.explain(meetings.pageQuery(dsl, new MeetingQuery(Filter.ALL, MeetingOrder.DEFAULT, 20, 0),
                Visibility.of("partner-01"))).plan();

        assertThat(plan).doesNotContain("Seq Scan").contains("Index");
    }

    @Test
    void meetingListFilteredByDateStartReadsThroughIndexes() {
        var meetings = (SqlMeetingStore) storage.meetings();
        Instant from = START.plus(Duration.ofDays(20));
        Filter range = Filter.ALL.and(new Condition.Compare(CdrField.DATE_START, Comparison.GE, from))
                .and(new Condition.Compare(CdrField.DATE_START, Comparison.LT, from.plus(Duration.ofHours(6))));

        String plan = dsl.explain(meetings.pageQuery(dsl, new MeetingQuery(range, MeetingOrder.DEFAULT, 20, 0),
                Visibility.of("partner-01", "partner-02", "partner-03"))).plan();

        assertThat(plan).doesNotContain("Seq Scan").contains("Index");
    }

    @Test
    void pageOfMeetingsReadsItsLegsThroughTheMeetingSidIndex() {
        var meetings = (SqlMeetingStore) storage.meetings();

        String plan = dsl.explain(meetings.pageLegsQuery(dsl, java.util.List.of("meeting-4321", "meeting-4322"),
                Visibility.of("partner-01"))).plan();

        assertThat(plan).doesNotContain("Seq Scan").contains("cdr_meeting_sid");
    }
}
