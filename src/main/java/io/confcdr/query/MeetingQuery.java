package io.confcdr.query;

/**
 * A validated meeting listing, free of HTTP: which legs select a meeting ({@code filter}), the order of
 * the meetings and the page window.
 */
public record MeetingQuery(Filter filter, MeetingOrder order, int limit, int offset) {

    public MeetingQuery {
        if (limit < 1 || limit > CdrQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }
}
