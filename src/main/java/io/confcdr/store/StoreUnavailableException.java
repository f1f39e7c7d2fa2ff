package io.confcdr.store;

/** The database cannot be reached or refused to work; the API answers 503 and the caller may retry. */
public sealed class StoreUnavailableException extends RuntimeException permits DeadlineExceededException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
