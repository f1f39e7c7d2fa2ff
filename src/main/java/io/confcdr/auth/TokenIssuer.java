package io.confcdr.auth;

import io.confcdr.model.ApiToken;
import io.confcdr.model.Timestamps;
import io.confcdr.store.TokenStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Creates tokens: a secret {@code ccdr_} + 32 random bytes (base64url), of which only the SHA-256 is
 * stored, and a short random public id to list and revoke it by. The prefix lets secret scanners and
 * people recognise a leaked confcdr token.
 */
public final class TokenIssuer {

    static final String SECRET_PREFIX = "ccdr_";
    private static final int SECRET_BYTES = 32;
    private static final int ID_BYTES = 9;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final TokenStore tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenIssuer(TokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @param expires null for a token that does not expire */
    public IssuedToken issue(String partnerSid, String name, Set<String> scopes, Instant expires) {
        String secret = SECRET_PREFIX + randomBase64(SECRET_BYTES);
        var token = new ApiToken("tok_" + randomBase64(ID_BYTES), partnerSid, name, scopes,
                Timestamps.truncate(clock.instant()), expires == null ? null : Timestamps.truncate(expires), null, null);
        tokens.create(token, SecretHash.of(secret));
        return new IssuedToken(token, secret);
    }

    private String randomBase64(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }
}
