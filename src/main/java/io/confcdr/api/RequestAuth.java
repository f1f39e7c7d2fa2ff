package io.confcdr.api;

import io.confcdr.auth.Authenticator;
import io.confcdr.auth.Caller;
import io.confcdr.auth.RateLimiter;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;

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
    Caller authenticate(Context ctx) {
        if (Collections.list(ctx.req().getHeaders("Authorization")).size() > 1) {
            // Which one wins would depend on the proxy in front of us; refuse rather than guess.
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "Unauthorized", List.of(new ErrorBody.Detail("Authorization", "send exactly one Authorization header")));
        }
        Caller caller = authenticator.authenticate(ctx.header("Authorization"));
        ctx.attribute(TOKEN_ID, caller.token().id());
        rateLimiter.acquire(caller.token().id());
        return caller;
    }
}
