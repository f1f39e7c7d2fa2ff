package io.confcdr.query;

/**
 * A request parameter that cannot be understood; becomes a 400 naming {@code field} (the parameter,
 * such as {@code filter} or {@code limit}) with a message saying what was expected and where.
 */
public final class QueryException extends RuntimeException {

    private final String field;

    public QueryException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
