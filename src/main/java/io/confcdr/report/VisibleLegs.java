package io.confcdr.report;

import io.confcdr.model.Cdr;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.CdrStore;
import io.confcdr.store.Page;
import java.util.function.Consumer;

/**
 * Every visible leg matching a filter, read through the list route's own store query in insertion order,
 * a page at a time: what a report counts is by construction what the list route returns, on every store.
 */
final class VisibleLegs {

    static final int PAGE = CdrQuery.MAX_LIMIT;

    private VisibleLegs() {
    }

    static void forEach(CdrStore cdrs, Filter filter, Visibility visibility, Consumer<Cdr> sink) {
        CdrQuery query = CdrQuery.firstPage(filter, Order.INSERTION, PAGE);
        while (true) {
            Page page = cdrs.list(query, visibility);
            page.items().forEach(sink);
            if (!page.hasNext() || page.items().isEmpty()) {
                return;
            }
            query = query.withCursor(Cursor.after(page.items().getLast().callSid()));
        }
    }
}
