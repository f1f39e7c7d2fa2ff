package io.confcdr.ingest;

/** The batch exceeds the byte or record limit; nothing of it is stored and the rest is not read. */
public final class BatchTooLargeException extends RuntimeException {

    public BatchTooLargeException(String message) {
        super(message, null, false, false);
    }
}
