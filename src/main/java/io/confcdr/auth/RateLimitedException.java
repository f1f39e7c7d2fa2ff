package io.confcdr.auth;

/** The token has used up its request budget: a 429 telling the client when to come back. */
public final class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    RateLimitedException(long retryAfterSeconds) {
        super("too many requests for this token; retry after " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until a request will be admitted again (at least 1), for the Retry-After header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
