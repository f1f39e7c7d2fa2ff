package io.confcdr.push;

import io.confcdr.query.DeliveryCursor;
import io.confcdr.query.DeliveryField;
import io.confcdr.query.DeliveryLogQuery;
import io.confcdr.query.LikePattern;
import io.confcdr.query.QueryException;
import io.confcdr.query.Term;
import io.confcdr.query.ValueOrder;
import io.confcdr.store.DeliveryAttempt;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page of a subscription's delivery log: filtered, ordered and windowed as the list route does it,
 * over the log as the store keeps it (newest first). Ties in the order are broken by the log's own order in
 * the same direction, so a descending order is the exact reverse of the ascending one and pages never
 * overlap or skip. The log of one subscription is read whole: it is small next to the records.
 */
public final class DeliveryLog {

    /** A page, whether more entries follow it or precede it, and how many entries match in all. */
    public record Page(List<DeliveryAttempt> items, boolean hasNext, boolean hasPrevious, int total) {
    }

    private DeliveryLog() {
    }

    /**
     * @param newestFirst the whole log, newest first
     * @throws QueryException on {@code after}/{@code before} when the entry it names is not in the log
     */
    static Page page(List<DeliveryAttempt> newestFirst, DeliveryLogQuery query) {
        int size = newestFirst.size();
        List<Entry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(new Entry(newestFirst.get(i), size - i));
        }
        Comparator<Entry> ascending = Comparator.<Entry, Object>comparing(e -> value(e.attempt(), query.orderKey()), ValueOrder::compareNullsFirst)
                .thenComparingLong(Entry::position);
        Comparator<Entry> order = query.descending() ? ascending.reversed() : ascending;
        entries.sort(order);
        List<Entry> matching = entries.stream().filter(e -> matches(query.filter(), e.attempt())).toList();

        int from;
        int to;
        if (query.after() != null) {
            Entry at = find(entries, query.after());
            from = (int) matching.stream().filter(e -> order.compare(e, at) <= 0).count();
            to = Math.min(matching.size(), from + query.limit());
        } else if (query.before() != null) {
            Entry at = find(entries, query.before());
            to = (int) matching.stream().filter(e -> order.compare(e, at) < 0).count();
            from = Math.max(0, to - query.limit());
        } else {
            from = Math.min(query.offset(), matching.size());
            to = (int) Math.min((long) from + query.limit(), matching.size());
        }
        List<DeliveryAttempt> items = matching.subList(from, to).stream().map(Entry::attempt).toList();
        return new Page(items, to < matching.size(), from > 0, matching.size());
    }

    private record Entry(DeliveryAttempt attempt, long position) {
    }

    private static Entry find(List<Entry> entries, DeliveryCursor cursor) {
        return entries.stream()
                .filter(e -> e.attempt().deliverySid().equals(cursor.deliverySid()))
                .filter(e -> cursor.attempt() == null || e.attempt().attempt() == cursor.attempt())
                .max(Comparator.comparingLong(Entry::position))
                .orElseThrow(() -> new QueryException(cursor.parameter(),
                        "no attempt " + (cursor.attempt() == null ? cursor.deliverySid() : DeliveryCursor.of(cursor.deliverySid(), cursor.attempt()))
                                + " in this subscription's delivery log"));
    }

    static boolean matches(List<Term<DeliveryField>> filter, DeliveryAttempt attempt) {
        for (Term<DeliveryField> term : filter) {
            Object value = value(attempt, term.attribute());
            boolean holds = switch (term) {
                case Term.IsNull<DeliveryField> isNull -> (value == null) != isNull.negated();
                case Term.Compare<DeliveryField> compare -> value != null && compare.op().holds(ValueOrder.compare(value, compare.value()));
                case Term.In<DeliveryField> in -> value != null
                        && in.values().stream().anyMatch(v -> ValueOrder.compare(value, v) == 0) != in.negated();
                case Term.Like<DeliveryField> like -> value != null
                        && LikePattern.matches(like.pattern(), (String) value, like.caseInsensitive()) != like.negated();
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** The attribute typed as the filter types its values: text, instant, or a decimal number. */
    private static Object value(DeliveryAttempt a, DeliveryField field) {
        return switch (field) {
            case ACKNOWLEDGED -> Boolean.toString(a.acknowledged());
            case ATTEMPT -> BigDecimal.valueOf(a.attempt());
            case COUNT -> BigDecimal.valueOf(a.count());
            case DATE -> a.date();
            case DELIVERY_SID -> a.deliverySid();
            case ERROR -> a.error();
            case FIRST_CALL_SID -> a.firstCallSid();
            case LAST_CALL_SID -> a.lastCallSid();
            case LATENCY_MS -> BigDecimal.valueOf(a.latencyMillis());
            case STATUS_CODE -> a.statusCode() == null ? null : BigDecimal.valueOf(a.statusCode());
        };
    }
}
