package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Comparison;
import io.confcdr.query.Condition;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.TestRecords;
import io.confcdr.store.sql.CdrQueryTranslator.Anchor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SQLite too, the pages the API serves most are index seeks in index order: no full scan of cdr and
 * no temporary B-tree to sort, however deep the cursor. The SQL comes from the store's translation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteExplainTest {

    @TempDir
    static Path dataDir;

    private final TestRecords records = new TestRecords();
    private SqlStorage storage;
    private DSLContext dsl;
    private String middleSid;

    @BeforeAll
    void load() {
        storage = (SqlStorage) SqlStorageFactory.open(dataDir, null, Clock.systemUTC());
        dsl = storage.database().dsl();
        List<Cdr> batch = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            batch.add(records.call("r" + i).meetingSid("meeting-" + i / 10).build());
        }
        storage.cdrs().insert(batch);
        middleSid = batch.get(1000).callSid();
        dsl.execute("ANALYZE");
    }

    @AfterAll
    void close() {
        storage.close();
    }

    private String plan(CdrQuery query) {
        Visibility visibility = Visibility.of(records.partnerSid());
        SqlCdrStore cdrs = storage.cdrs();
        Anchor anchor = query.cursor() == null ? null : cdrs.pages().anchor(dsl, query.cursor(), query.order(), visibility);
        var matching = cdrs.translator().visibility(visibility).and(cdrs.translator().filter(query.filter()));
        var page = cdrs.pages().pageQuery(dsl, query, matching, anchor);
        return dsl.fetch("EXPLAIN QUERY PLAN " + page.getSQL(), page.getBindValues().toArray()).stream()
                .map(row -> row.get("detail", String.class))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void dateStopRangeOrderedByDateStopSeeksThePartnerDateStopIndex() {
        Instant from = TestRecords.BASE.plus(Duration.ofHours(3));
        Filter range = Filter.ALL.and(new Condition.Compare(CdrField.DATE_STOP, Comparison.GE, from))
                .and(new Condition.Compare(CdrField.DATE_STOP, Comparison.LT, from.plus(Duration.ofHours(2))));

        String plan = plan(CdrQuery.firstPage(range, new Order.ByField(CdrField.DATE_STOP, false), 100));

        assertThat(plan).contains("cdr_partner_date_stop").doesNotContain("TEMP B-TREE");
    }

    @Test
    void afterCursorInDateStopOrderSeeksWithoutSorting() {
        var query = CdrQuery.firstPage(Filter.ALL, new Order.ByField(CdrField.DATE_STOP, true), 100)
                .withCursor(Cursor.after(middleSid));

        assertThat(plan(query)).contains("cdr_partner_date_stop").doesNotContain("TEMP B-TREE");
    }

    @Test
    void afterCursorInInsertionOrderSeeksWithoutSorting() {
        var query = CdrQuery.firstPage(Filter.ALL, Order.INSERTION, 100).withCursor(Cursor.after(middleSid));

        assertThat(plan(query)).contains("USING").doesNotContain("TEMP B-TREE").doesNotContain("SCAN cdr\n");
    }

    @Test
    void meetingSidEqualityUsesItsIndex() {
        var filter = Filter.ALL.and(new Condition.Compare(CdrField.MEETING_SID, Comparison.EQ, "meeting-42"));

        assertThat(plan(CdrQuery.firstPage(filter, Order.INSERTION, 10))).contains("INDEX");
    }
}
