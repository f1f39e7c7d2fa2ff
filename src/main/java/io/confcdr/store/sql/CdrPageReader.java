package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Cursor;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.Page;
import io.confcdr.store.UnknownCursorException;
import io.confcdr.store.sql.CdrQueryTranslator.Anchor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * Reads one page: keyset seeks for cursors (no OFFSET, so page 10 000 costs what page 1 costs), limit + 1
 * rows for hasNext, an EXISTS probe for the other direction, a count only when asked.
 */
final class CdrPageReader {

    private final CdrTable cdr;
    private final CdrQueryTranslator translator;
    private final CdrRows rows;

    CdrPageReader(CdrTable cdr, CdrQueryTranslator translator, CdrRows rows) {
        this.cdr = cdr;
        this.translator = translator;
        this.rows = rows;
    }

    Page read(DSLContext dsl, CdrQuery query, Visibility visibility) {
        Condition matching = translator.visibility(visibility).and(translator.filter(query.filter()));
        Page page = query.cursor() == null
                ? offsetPage(dsl, query, matching)
                : cursorPage(dsl, query, matching, anchor(dsl, query.cursor(), query.order(), visibility));
        Long total = query.withTotal() ? (long) dsl.fetchCount(cdr.table(), matching) : null;
        return new Page(page.items(), page.hasNext(), page.hasPrevious(), total);
    }

    private Page offsetPage(DSLContext dsl, CdrQuery query, Condition matching) {
        List<Cdr> page = rows.fetch(pageQuery(dsl, query, matching, null));
        boolean hasNext = page.size() > query.limit();
        boolean hasPrevious = query.offset() > 0 && dsl.fetchExists(cdr.table(), matching);
        return new Page(trim(page, query.limit()), hasNext, hasPrevious, null);
    }

    private Page cursorPage(DSLContext dsl, CdrQuery query, Condition matching, Anchor anchor) {
        boolean before = query.cursor().before();
        List<Cdr> page = rows.fetch(pageQuery(dsl, query, matching, anchor));
        boolean more = page.size() > query.limit();
        page = new ArrayList<>(trim(page, query.limit()));
        if (before) {
            Collections.reverse(page);
        }
        // On the far side of the cursor, the records up to and including the cursor's own decide the flag:
        // two EXISTS probes (each can use an index, which one OR-ed predicate could not) in one round trip.
        boolean beyondCursor = Boolean.TRUE.equals(dsl.fetchValue(DSL.field(
                DSL.exists(DSL.selectOne().from(cdr.table()).where(matching.and(translator.is(anchor))))
                        .or(DSL.exists(DSL.selectOne().from(cdr.table())
                                .where(matching.and(translator.beyond(query.order(), anchor, !before))))))));
        return before ? new Page(page, beyondCursor, more, null) : new Page(page, more, beyondCursor, null);
    }

    /**
     * The rows of a page, limit + 1: without anchor from the offset; with one, a keyset seek away from the
     * cursor (read backwards for {@code before}).
     */
    ResultQuery<Record> pageQuery(DSLContext dsl, CdrQuery query, Condition matching, Anchor anchor) {
        if (anchor == null) {
            return dsl.select(cdr.selectColumns())
                    .from(cdr.table())
                    .where(matching)
                    .orderBy(translator.sortFields(query.order(), false))
                    .limit(query.limit() + 1)
                    .offset(query.offset());
        }
        boolean before = query.cursor().before();
        return dsl.select(cdr.selectColumns())
                .from(cdr.table())
                .where(matching.and(translator.beyond(query.order(), anchor, before)))
                .orderBy(translator.sortFields(query.order(), before))
                .limit(query.limit() + 1);
    }

    /** The cursor's record, if visible: its sequence and sort value. Need not match the filter. */
    Anchor anchor(DSLContext dsl, Cursor cursor, Order order, Visibility visibility) {
        if (order instanceof Order.Shuffle) {
            throw new IllegalArgumentException("cursors cannot be used with order=shuffle");
        }
        Field<?> sortColumn = order instanceof Order.ByField byField ? cdr.column(byField.field()) : DSL.inline((Object) null);
        // The same call_sid under two visible partners is two records: the one furthest along the walk's
        // direction is the anchor, so a walk always moves on (it may pass over records between the two).
        Record2<Long, ?> row = dsl.select(cdr.seq(), sortColumn)
                .from(cdr.table())
                .where(cdr.callSid().eq(cursor.callSid()).and(translator.visibility(visibility)))
                .orderBy(cursor.before() ? cdr.seq().asc() : cdr.seq().desc())
                .limit(1)
                .fetchOne();
        if (row == null) {
            throw new UnknownCursorException(cursor);
        }
        return new Anchor(row.value1(), row.value2());
    }

    private static <T> List<T> trim(List<T> rows, int limit) {
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }
}
