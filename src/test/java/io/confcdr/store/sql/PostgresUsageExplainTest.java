package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.CdrField;
import io.confcdr.query.Comparison;
import io.confcdr.query.Condition;
import io.confcdr.query.Filter;
import io.confcdr.query.Visibility;
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

/**
 * On PostgreSQL, with 100 000 records of 20 partners, vacuumed and analysed as autovacuum leaves a table
 * after inserts, the span read behind distinct meetings and peak concurrency (a usage report from
 * aggregates) is an index-only scan of {@code cdr_partner_date_start} when the report groups by no kept
 * dimension, and reads through an index otherwise (the planner picks which); never a sequential scan of cdr.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresUsageExplainTest {

    private static final int ROWS = 100_000;
    private static final Instant START = ExplainFixtures.START;

    private SqlStorage storage;
    private DSLContext dsl;

    @BeforeAll
    void load() throws SQLException {
        String url = PostgresTestDatabase.freshSchemaUrl(getClass());
        storage = (SqlStorage) SqlStorageFactory.open(null, url, Clock.systemUTC());
        dsl = storage.database().dsl();
        ExplainFixtures.copyLegs(url, ROWS, "direction", i -> i % 2 == 0 ? "inbound" : "outbound");
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
