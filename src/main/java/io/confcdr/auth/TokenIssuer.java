package io.confcdr.auth;

import io.confcdr.store.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** Creates tokens: a random secret (≥ 128 bits), of which only a hash is stored. */
public final class TokenIssuer {

    private final TokenStore tokens;
    private final Clock clock;

    public TokenIssuer(TokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @param expires null for a token that does not expire */
    public IssuedToken issue(String partnerSid, String name, Set<String> scopes, Instant expires) {
        throw new UnsupportedOperationException("TODO(auth)");
    }
}
