package io.confcdr.auth;

import io.confcdr.model.ApiToken;
import io.confcdr.model.Timestamps;
import io.confcdr.store.TokenStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Checks {@code Authorization: Bearer <token>}. A missing header or another scheme is
 * {@code Unauthorized}; a token that is unknown, revoked or expired is {@code Bad credentials}, the three
 * alike so that a caller cannot tell a revoked token from one that never existed.
 */
public final class Authenticator {

    private static final String BEARER = "bearer ";

    private final TokenStore tokens;
    private final Clock clock;

    public Authenticator(TokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @throws AuthenticationException when the header does not carry a usable token */
    public Caller.Bearer authenticate(String authorizationHeader) {
        if (authorizationHeader == null) {
            throw new AuthenticationException(AuthenticationException.UNAUTHORIZED,
                    "send the header Authorization: Bearer <token>");
        }
        if (!authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AuthenticationException(AuthenticationException.UNAUTHORIZED,
                    "the Authorization header must use the Bearer scheme");
        }
        String secret = authorizationHeader.substring(BEARER.length()).strip();
        if (secret.isEmpty()) {
            throw new AuthenticationException(AuthenticationException.UNAUTHORIZED,
                    "the Authorization header carries no token");
        }
        Instant now = Timestamps.truncate(clock.instant());
        ApiToken token = tokens.findByHash(SecretHash.of(secret))
                .filter(found -> found.isUsableAt(now))
                .orElseThrow(() -> new AuthenticationException(AuthenticationException.BAD_CREDENTIALS,
                        "the token is unknown, revoked or expired"));
        tokens.touch(token.id(), now);
        return new Caller.Bearer(token);
    }
}
