package io.confcdr.auth;

/** A request budget is used up (a token's, or a client address's for failed authentications): a 429 telling the client when to come back. */
public final class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    RateLimitedException(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until a request will be admitted again (at least 1), for the Retry-After header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
