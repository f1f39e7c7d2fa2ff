package io.confcdr.ingest;

/**
 * The body as a whole cannot be read (a JSON array that does not parse, or bytes that are not UTF-8):
 * nothing of the batch is stored. The message says where, without echoing the input.
 */
public final class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message, null, false, false);
    }
}
