package io.confcdr.api;

import io.confcdr.auth.Authenticator;
import io.confcdr.auth.Caller;
import io.confcdr.auth.RateLimiter;
import io.javalin.http.Context;

/**
 * Authenticates a request and charges it to its token's rate limit. The token's public id is left on
 * the request for the audit line ({@link AuditLog}); the secret never leaves the Authorization header.
 */
final class RequestAuth {

    static final String TOKEN_ID = "confcdr.token_id";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;

    RequestAuth(Authenticator authenticator, RateLimiter rateLimiter) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
    }

    /**
     * @throws io.confcdr.auth.AuthenticationException 401
     * @throws io.confcdr.auth.RateLimitedException 429
     */
    Caller.Bearer authenticate(Context ctx) {
        Caller.Bearer caller = authenticator.authenticate(ctx.header("Authorization"));
        ctx.attribute(TOKEN_ID, caller.token().id());
        rateLimiter.acquire(caller.token().id());
        return caller;
    }
}
