package io.confcdr.ingest;

/** How a batch is written: one record per line, or one JSON array of records. */
public enum BodyFormat {
    /** {@code application/x-ndjson}: one record per line, blank lines ignored. */
    NDJSON,
    /** {@code application/json}: one array of records. */
    JSON_ARRAY
}
