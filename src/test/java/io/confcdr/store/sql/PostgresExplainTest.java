package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.CdrField;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Comparison;
import io.confcdr.query.Condition;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.sql.CdrQueryTranslator.Anchor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The access paths the API depends on are index scans on PostgreSQL with a realistic amount of data:
 * 200 000 records of 20 partners over 200 days, loaded with COPY and analysed. The SQL comes from the
 * store's own translation, so a change that loses an index fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresExplainTest {

    private static final int ROWS = 200_000;
    private static final int PARTNERS = 20;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Visibility PARTNER_3 = Visibility.of("partner-03");

    private SqlStorage storage;
    private DSLContext dsl;

    @BeforeAll
    void load() throws SQLException, IOException {
        String url = PostgresTestDatabase.freshSchemaUrl(getClass());
        storage = (SqlStorage) SqlStorageFactory.open(null, url, Clock.systemUTC());
        dsl = storage.database().dsl();
        try (var connection = DriverManager.getConnection(url)) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY cdr (call_sid, partner_sid, meeting_sid, number_src, number_dst, role, date_start, date_stop,"
                            + " date_insert, duration, duration_meeting) FROM STDIN WITH (FORMAT csv)");
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                Instant start = START.plusSeconds(i * 86L);
                Instant stop = start.plusSeconds(60 + i % 600);
                chunk.append("call-").append(i).append(",partner-").append(String.format("%02d", i % PARTNERS))
                        .append(",meeting-").append(i / 10).append(",1516").append(2_000_000 + i % 5000)
                        .append(",1516206").append(5300 + i % 100).append(',').append(i % 10 == 0 ? "host" : "participant")
                        .append(',').append(start).append(',').append(stop).append(',').append(stop.plusSeconds(1))
                        .append(',').append((60L + i % 600) * 1_000_000).append(",0\n");
                if (chunk.length() > 1 << 20) {
                    writeTo(copy, chunk);
                }
            }
            writeTo(copy, chunk);
            copy.endCopy();
        }
        dsl.execute("ANALYZE cdr");
    }

    private static void writeTo(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    @AfterAll
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    private String plan(CdrQuery query, Visibility visibility) {
        SqlCdrStore cdrs = storage.cdrs();
        Anchor anchor = query.cursor() == null ? null
                : cdrs.pages().anchor(dsl, query.cursor(), query.order(), visibility);
        var matching = cdrs.translator().visibility(visibility).and(cdrs.translator().filter(query.filter()));
        ResultQuery<?> page = cdrs.pages().pageQuery(dsl, query, matching, anchor);
        return dsl.explain(page).plan();
    }

    private static Filter stoppedOn(String day) {
        Instant from = Instant.parse(day + "T00:00:00Z");
        return Filter.ALL
                .and(new Condition.Compare(CdrField.DATE_STOP, Comparison.GE, from))
                .and(new Condition.Compare(CdrField.DATE_STOP, Comparison.LT, from.plus(Duration.ofDays(1))));
    }

    @Test
    void partnerDateStopRangeOrderedByDateStopUsesAnIndex() {
        var query = CdrQuery.firstPage(stoppedOn("2024-03-10"), new Order.ByField(CdrField.DATE_STOP, false), 100);

        assertThat(plan(query, PARTNER_3)).doesNotContain("Seq Scan").contains("cdr_partner_date_stop");
    }

    @Test
    void partnerDateStopDescendingUsesTheSameIndexBackwards() {
        var query = CdrQuery.firstPage(stoppedOn("2024-03-10"), new Order.ByField(CdrField.DATE_STOP, true), 100);

        assertThat(plan(query, PARTNER_3)).doesNotContain("Seq Scan").contains("Index");
    }

    @Test
    void meetingSidEqualityUsesAnIndex() {
        var filter = Filter.ALL.and(new Condition.Compare(CdrField.MEETING_SID, Comparison.EQ, "meeting-9003"));

        assertThat(plan(CdrQuery.firstPage(filter, Order.INSERTION, 10), PARTNER_3)).doesNotContain("Seq Scan").contains("Index");
    }

    @Test
    void afterCursorInInsertionOrderSeeksTheIndex() {
        var query = CdrQuery.firstPage(Filter.ALL, Order.INSERTION, 100).withCursor(Cursor.after("call-150003"));

        assertThat(plan(query, PARTNER_3)).doesNotContain("Seq Scan").contains("Index");
    }

    @Test
    void afterCursorInDateStopOrderSeeksTheIndex() {
        var query = CdrQuery.firstPage(Filter.ALL, new Order.ByField(CdrField.DATE_STOP, false), 100)
                .withCursor(Cursor.after("call-150003"));

        assertThat(plan(query, PARTNER_3)).doesNotContain("Seq Scan").contains("cdr_partner_date_stop");
    }

    @Test
    void beforeCursorInDateStopDescendingOrderSeeksTheIndex() {
        var query = CdrQuery.firstPage(Filter.ALL, new Order.ByField(CdrField.DATE_STOP, true), 100)
                .withCursor(Cursor.before("call-150003"));

        assertThat(plan(query, PARTNER_3)).doesNotContain("Seq Scan").contains("cdr_partner_date_stop");
    }

    @Test
    void theRetentionPurgeFindsAPartnersExpiredRecordsThroughTheIndex() {
        var purge = (SqlRetentionStore) storage.retention();

        String plan = dsl.explain(purge.expired(dsl, java.util.Set.of("partner-03"), START.plus(Duration.ofDays(30)), 1000)).plan();

        assertThat(plan).doesNotContain("Seq Scan").contains("cdr_partner_date_stop");
    }
}
