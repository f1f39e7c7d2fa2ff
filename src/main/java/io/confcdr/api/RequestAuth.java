package io.confcdr.api;

import io.confcdr.auth.AuthenticationException;
import io.confcdr.auth.Authenticator;
import io.confcdr.auth.Caller;
import io.confcdr.auth.RateLimiter;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;

/**
 * Authenticates a request and charges it to its token's rate limit. The token's public id is left on
 * the request for the audit line ({@link AuditLog}); the secret never leaves the Authorization header.
 *
 * <p>Failed authentications are limited per client address: a client that keeps sending missing, bad or
 * revoked tokens gets 429 with Retry-After, before its token is even looked up, so it can neither guess at
 * speed nor load the store; clients at other addresses are not affected. The address is the connection's
 * peer ({@code X-Forwarded-For} can be forged by anyone).
 */
final class RequestAuth {

    static final String TOKEN_ID = "confcdr.token_id";
    /** The partner of the request's token, for the request log. */
    static final String PARTNER_SID = "confcdr.partner_sid";
    /** Failed authentications a client address may make at once, and how fast that allowance comes back. */
    static final int FAILED_AUTH_BURST = 20;
    static final double FAILED_AUTH_PER_SECOND = 1;

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final RateLimiter failedAuthentications;

    RequestAuth(Authenticator authenticator, RateLimiter rateLimiter) {
        this(authenticator, rateLimiter, new RateLimiter(FAILED_AUTH_PER_SECOND, FAILED_AUTH_BURST, System::nanoTime,
                "too many failed authentications from this address"));
    }

    RequestAuth(Authenticator authenticator, RateLimiter rateLimiter, RateLimiter failedAuthentications) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.failedAuthentications = failedAuthentications;
    }

    /**
     * @throws AuthenticationException 401
     * @throws io.confcdr.auth.RateLimitedException 429
     */
    Caller.Bearer authenticate(Context ctx) {
        String client = ctx.req().getRemoteAddr();
        failedAuthentications.requireAvailable(client);
        Caller.Bearer caller;
        try {
            if (Collections.list(ctx.req().getHeaders("Authorization")).size() > 1) {
                // Which one wins would depend on the proxy in front of us; refuse rather than guess.
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ApiError(401, "Unauthorized",
                        List.of(new ErrorBody.Detail("Authorization", "send exactly one Authorization header")));
            }
            caller = authenticator.authenticate(ctx.header("Authorization"));
        } catch (AuthenticationException | ApiError e) {
            failedAuthentications.acquire(client);
            throw e;
        }
        ctx.attribute(TOKEN_ID, caller.token().id());
        ctx.attribute(PARTNER_SID, caller.token().partnerSid());
        rateLimiter.acquire(caller.token().id());
        return caller;
    }
}
