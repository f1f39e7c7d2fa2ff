package io.confcdr.store.memory;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Seconds;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.CdrScan;
import io.confcdr.query.Condition;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.query.LikePattern;
import io.confcdr.query.Order;
import io.confcdr.query.TextOrder;
import io.confcdr.query.ValueOrder;
import io.confcdr.query.Visibility;
import io.confcdr.store.Page;
import io.confcdr.store.UnknownCursorException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The query semantics written as plainly as possible over a list of records in insertion order (the
 * index is the insertion sequence). It is the oracle every store is checked against, so it favours
 * being obviously right over being fast: each page sorts the whole list. It lives beside the memory
 * store because it answers with a store {@link Page}; the pure pieces it builds on ({@link TextOrder},
 * {@link LikePattern}) are in the query package for every store to share.
 */
public final class ReferenceEvaluator {

    private ReferenceEvaluator() {
    }

    /** True when the record satisfies every condition of the filter. */
    public static boolean matches(Filter filter, Cdr cdr) {
        return filter.conditions().stream().allMatch(condition -> matches(condition, cdr));
    }

    /** SQL semantics: a condition on a null attribute is false, except {@link Condition.IsNull}. */
    public static boolean matches(Condition condition, Cdr cdr) {
        Object value = comparable(condition.field().get(cdr));
        if (condition instanceof Condition.IsNull isNull) {
            return (value == null) != isNull.negated();
        }
        if (value == null) {
            return false;
        }
        return switch (condition) {
            case Condition.Compare compare -> compare.op().holds(ValueOrder.compare(value, compare.value()));
            case Condition.In in -> in.values().stream().anyMatch(v -> ValueOrder.compare(value, v) == 0) != in.negated();
            case Condition.Like like -> LikePattern.matches(like.pattern(), (String) value, like.caseInsensitive()) != like.negated();
            case Condition.IsNull ignored -> throw new AssertionError("handled above");
        };
    }

    /**
     * The order of values of {@code field} alone, nulls first (ties are left to the caller, who breaks
     * them by insertion sequence). Descending orders are the exact reverse of this.
     */
    public static Comparator<Cdr> ascending(CdrField field) {
        return (a, b) -> ValueOrder.compareNullsFirst(comparable(field.get(a)), comparable(field.get(b)));
    }

    /**
     * One page of the visible records matching {@code query}, per the shared query semantics.
     *
     * @param all every stored record, in insertion order
     * @throws UnknownCursorException when the cursor names a record that does not exist or is not visible
     */
    public static Page page(List<Cdr> all, CdrQuery query, Visibility visibility) {
        if (query.order() instanceof Order.Shuffle && query.cursor() != null) {
            throw new IllegalArgumentException("shuffle cannot be combined with a cursor");
        }
        List<Cdr> visible = all.stream().filter(cdr -> visibility.allows(cdr.partnerSid())).toList();
        Comparator<Cdr> order = comparator(query.order(), visible);
        List<Cdr> matching = new ArrayList<>(visible.stream().filter(cdr -> matches(query.filter(), cdr)).toList());
        if (query.order() instanceof Order.Shuffle) {
            Collections.shuffle(matching);
        } else {
            matching.sort(order);
        }
        int n = matching.size();
        int from;
        int to;
        Cursor cursor = query.cursor();
        if (cursor == null) {
            from = Math.min(query.offset(), n);
            to = Math.min(from + query.limit(), n);
        } else {
            Cdr at = cursorRecord(visible, cursor);
            // The cursor record need not match the filter: only its position in the order counts.
            if (cursor.before()) {
                to = (int) matching.stream().filter(cdr -> order.compare(cdr, at) < 0).count();
                from = Math.max(0, to - query.limit());
            } else {
                from = (int) matching.stream().filter(cdr -> order.compare(cdr, at) <= 0).count();
                to = Math.min(from + query.limit(), n);
            }
        }
        // The page is matching[from, to): flags are "something before from" and "something from to on",
        // which also gives the semantics' answers for empty pages.
        Long total = query.withTotal() ? (long) n : null;
        return new Page(matching.subList(from, to), to < n, from > 0, total);
    }

    /**
     * Every visible record matching the scan, in its order, after its cursor: what a store's scan hands over.
     *
     * @param all every stored record, in insertion order
     * @throws UnknownCursorException when the cursor names a record that does not exist or is not visible
     */
    public static List<Cdr> scan(List<Cdr> all, CdrScan scan, Visibility visibility) {
        List<Cdr> visible = all.stream().filter(cdr -> visibility.allows(cdr.partnerSid())).toList();
        Comparator<Cdr> order = comparator(scan.order(), visible);
        Cdr at = scan.after() == null ? null : cursorRecord(visible, scan.after());
        return visible.stream()
                .filter(cdr -> matches(scan.filter(), cdr))
                .filter(cdr -> at == null || order.compare(cdr, at) > 0)
                .sorted(order)
                .toList();
    }

    /**
     * The visible record the cursor names; when its call_sid is held by several visible partners (each its
     * own record), the one stored last for {@code after} and first for {@code before}, so a walk moves on.
     */
    private static Cdr cursorRecord(List<Cdr> visible, Cursor cursor) {
        List<Cdr> named = visible.stream().filter(cdr -> cdr.callSid().equals(cursor.callSid())).toList();
        if (named.isEmpty()) {
            throw new UnknownCursorException(cursor);
        }
        return cursor.before() ? named.getFirst() : named.getLast();
    }

    /** The full order of {@code order}, tie-broken by insertion sequence (the index in {@code visible}). */
    private static Comparator<Cdr> comparator(Order order, List<Cdr> visible) {
        // By identity: a call_sid may name records of several partners.
        Map<Cdr, Integer> seq = new java.util.IdentityHashMap<>();
        for (int i = 0; i < visible.size(); i++) {
            seq.put(visible.get(i), i);
        }
        Comparator<Cdr> bySeq = Comparator.comparingInt(seq::get);
        return switch (order) {
            case Order.Insertion ignored -> bySeq;
            case Order.Shuffle ignored -> bySeq;
            case Order.ByField byField -> byField.descending()
                    ? ascending(byField.field()).thenComparing(bySeq).reversed()
                    : ascending(byField.field()).thenComparing(bySeq);
        };
    }

    /** The attribute value in a form comparable with condition values: seconds and integers as decimals. */
    private static Object comparable(Object value) {
        return switch (value) {
            case Seconds seconds -> seconds.toBigDecimal();
            case Integer integer -> BigDecimal.valueOf(integer);
            case null, default -> value;
        };
    }
}
