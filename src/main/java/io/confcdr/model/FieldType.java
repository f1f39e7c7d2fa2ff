package io.confcdr.model;

/** How an attribute is typed, which decides how it is parsed, compared, stored and written. */
public enum FieldType {
    /** JSON string; compared by Unicode code point (binary collation). */
    TEXT,
    /** JSON string {@code YYYY-MM-DDTHH:MM:SS.mmmZ}; compared as an instant. Millisecond precision. */
    INSTANT,
    /** JSON string holding a decimal number of seconds; compared numerically. Microsecond precision. */
    SECONDS,
    /** JSON number. */
    INTEGER
}
