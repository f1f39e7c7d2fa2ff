package io.confcdr.query;

/**
 * A validated list request, free of HTTP: filter, order, page window. {@code cursor} is null unless the
 * request used after/before; {@code offset} is 0 whenever a cursor is present.
 */
public record CdrQuery(Filter filter, Order order, int limit, int offset, Cursor cursor, boolean withTotal) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 1000;

    public CdrQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
        if (offset < 0 || (cursor != null && offset != 0)) {
            throw new IllegalArgumentException("offset must be 0 with a cursor and never negative");
        }
    }

    public static CdrQuery firstPage(Filter filter, Order order, int limit) {
        return new CdrQuery(filter, order, limit, 0, null, false);
    }

    public CdrQuery withCursor(Cursor next) {
        return new CdrQuery(filter, order, limit, 0, next, withTotal);
    }
}
