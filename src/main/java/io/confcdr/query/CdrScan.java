package io.confcdr.query;

/**
 * Every record matching {@code filter}, in {@code order}, from just after the {@code after} cursor (null:
 * from the first); no limit. What an export reads: the list route's filter, order and keyset, unpaged.
 */
public record CdrScan(Filter filter, Order order, Cursor after) {

    public CdrScan {
        if (order instanceof Order.Shuffle) {
            throw new IllegalArgumentException("a scan needs a stable order");
        }
        if (after != null && after.before()) {
            throw new IllegalArgumentException("a scan resumes after a record, never before one");
        }
    }
}
