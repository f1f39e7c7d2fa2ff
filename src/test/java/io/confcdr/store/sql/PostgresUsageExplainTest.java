package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.CdrField;
import io.confcdr.query.Comparison;
import io.confcdr.query.Condition;
import io.confcdr.query.Filter;
import io.confcdr.query.Visibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * On PostgreSQL, with 100 000 records of 20 partners, vacuumed and analysed as autovacuum leaves a table
 * after inserts, the span read behind distinct meetings and peak concurrency (a usage report from
 * aggregates) is an index-only scan of {@code cdr_partner_date_start} when the report groups by no kept
 * dimension, and reads through an index otherwise (the planner picks which); never a sequential scan of cdr.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresUsageExplainTest {

    private static final int ROWS = 100_000;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private SqlStorage storage;
    private DSLContext dsl;

    @BeforeAll
    void load() throws SQLException, IOException {
        String url = PostgresTestDatabase.freshSchemaUrl(getClass());
        storage = (SqlStorage) SqlStorageFactory.open(null, url, Clock.systemUTC());
        dsl = storage.database().dsl();
        try (var connection = DriverManager.getConnection(url)) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY cdr (call_sid, partner_sid, meeting_sid, direction, date_start, date_stop, date_insert, duration)"
                            + " FROM STDIN WITH (FORMAT csv)");
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                Instant start = START.plusSeconds(i * 60L);
                Instant stop = start.plusSeconds(60 + i % 600);
                rows.append("call-").append(i).append(",partner-").append(String.format("%02d", (i / 10) % 20))
                        .append(",meeting-").append(i / 10).append(',').append(i % 2 == 0 ? "inbound" : "outbound")
                        .append(',').append(start).append(',').append(stop).append(',').append(stop)
                        .append(',').append((60L + i % 600) * 1_000_000).append('\n');
            }
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        }
        dsl.execute("VACUUM ANALYZE cdr");
    }

    @AfterAll
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    private String spanPlan(Set<CdrField> groupedDimensions) {
        var usage = (SqlUsageStore) storage.usage();
        Instant from = START.plus(Duration.ofDays(20));
        Filter range = Filter.ALL.and(new Condition.Compare(CdrField.DATE_START, Comparison.GE, from))
                .and(new Condition.Compare(CdrField.DATE_START, Comparison.LT, from.plus(Duration.ofDays(7))));
        return dsl.explain(usage.spanQuery(dsl, range, Visibility.of("partner-01", "partner-02", "partner-03"),
                groupedDimensions)).plan();
    }

    @Test
    void spanReadOfAReportGroupedByTimeIsAnIndexOnlyScan() {
        assertThat(spanPlan(Set.of())).contains("Index Only Scan using cdr_partner_date_start").doesNotContain("Seq Scan");
    }

    @Test
    void spanReadOfAReportGroupedByADimensionReadsThroughAnIndex() {
        assertThat(spanPlan(Set.of(CdrField.DIRECTION))).contains("Index").doesNotContain("Seq Scan");
    }
}
