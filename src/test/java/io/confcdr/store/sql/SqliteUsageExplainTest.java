package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.CdrField;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Comparison;
import io.confcdr.query.Condition;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.TestRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SQLite, the span read behind distinct meetings and peak concurrency (a usage report from aggregates)
 * seeks the visible partners' date_start ranges in {@code cdr_partner_date_start}, and reads nothing but
 * that index when the report groups by no kept dimension; the list route's pages, filtered by the same
 * partners and date_start range, keep to their own indexes and stop at their limit. The caller's legs sit
 * among those of 19 other partners, and the store is not analysed, as the store never analyses it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteUsageExplainTest {

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
    }

    @AfterAll
    void close() {
        storage.close();
    }

    private String plan(ResultQuery<?> query) {
        return dsl.fetch("EXPLAIN QUERY PLAN " + query.getSQL(), query.getBindValues().toArray()).stream()
                .map(row -> row.get("detail", String.class))
                .collect(Collectors.joining("\n"));
    }

    private static Filter sixHours() {
        Instant from = TestRecords.BASE.plus(Duration.ofHours(3));
        return Filter.ALL.and(new Condition.Compare(CdrField.DATE_START, Comparison.GE, from))
                .and(new Condition.Compare(CdrField.DATE_START, Comparison.LT, from.plus(Duration.ofHours(6))));
    }

    private String spanPlan(Set<CdrField> groupedDimensions) {
        var usage = (SqlUsageStore) storage.usage();
        return plan(usage.spanQuery(dsl, sixHours(), Visibility.of(records.partnerSid(), "other-1", "other-2"), groupedDimensions));
    }

    private String pagePlan(Order order) {
        SqlCdrStore cdrs = storage.cdrs();
        var matching = cdrs.translator().visibility(Visibility.of(records.partnerSid()))
                .and(cdrs.translator().filter(sixHours()));
        return plan(cdrs.pages().pageQuery(dsl, CdrQuery.firstPage(sixHours(), order, 100), matching, null));
    }

    @Test
    void spanReadOfAReportGroupedByTimeReadsOnlyThePartnerDateStartIndex() {
        assertThat(spanPlan(Set.of())).contains("SEARCH cdr USING COVERING INDEX cdr_partner_date_start")
                .doesNotContainPattern("SCAN cdr\\b");
    }

    @Test
    void spanReadOfAReportGroupedByADimensionSeeksThePartnerDateStartIndex() {
        assertThat(spanPlan(Set.of(CdrField.DIRECTION))).contains("SEARCH cdr USING INDEX cdr_partner_date_start")
                .doesNotContainPattern("SCAN cdr\\b");
    }

    @Test
    void listPageFilteredByDateStartInInsertionOrderStopsAtItsLimit() {
        assertThat(pagePlan(Order.INSERTION)).doesNotContain("cdr_partner_date_start").doesNotContain("TEMP B-TREE");
    }

    @Test
    void listPageFilteredByDateStartInDateStopOrderStopsAtItsLimit() {
        assertThat(pagePlan(new Order.ByField(CdrField.DATE_STOP, true))).doesNotContain("cdr_partner_date_start")
                .doesNotContain("TEMP B-TREE");
    }
}
