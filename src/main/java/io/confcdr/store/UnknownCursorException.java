package io.confcdr.store;

import io.confcdr.query.Cursor;

/**
 * A cursor names a record that does not exist or that the caller cannot see: the two answer alike, so a
 * cursor never reveals another tenant's record. The API answers it as a bad {@code after}/{@code before}.
 */
public final class UnknownCursorException extends RuntimeException {

    private final Cursor cursor;

    public UnknownCursorException(Cursor cursor) {
        super("unknown call_sid '" + cursor.callSid() + "'", null, false, false);
        this.cursor = cursor;
    }

    public Cursor cursor() {
        return cursor;
    }
}
