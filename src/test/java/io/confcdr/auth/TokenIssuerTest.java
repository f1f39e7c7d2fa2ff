package io.confcdr.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.ApiToken;
import io.confcdr.model.Partner;
import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Storage storage = new MemoryStorage(clock);
    private final TokenIssuer issuer = new TokenIssuer(storage.tokens(), clock);

    TokenIssuerTest() {
        storage.partners().create(new Partner("acme", "Acme", null, Partner.ACTIVE, NOW));
    }

    @Test
    void aSecretIsThePrefixAnd32RandomBytesInBase64Url() {
        String secret = issuer.issue("acme", "bridge-1", Set.of(Scopes.CDR_INGEST), null).secret();

        assertThat(secret).matches("ccdr_[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(secret.substring(5))).hasSize(32);
    }

    @Test
    void theStoreKnowsTheTokenByTheSha256OfItsSecretOnly() throws Exception {
        IssuedToken issued = issuer.issue("acme", "bridge-1", Set.of(Scopes.CDR_INGEST), null);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(issued.secret().getBytes(StandardCharsets.UTF_8));

        assertThat(storage.tokens().findByHash(hash)).map(ApiToken::id).hasValue(issued.token().id());
        assertThat(storage.tokens().findByHash(issued.secret().getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void everyIssueGivesANewSecretAndId() {
        IssuedToken a = issuer.issue("acme", "a", Set.of(Scopes.APP_READ), null);
        IssuedToken b = issuer.issue("acme", "a", Set.of(Scopes.APP_READ), null);

        assertThat(a.secret()).isNotEqualTo(b.secret());
        assertThat(a.token().id()).isNotEqualTo(b.token().id()).matches("tok_[A-Za-z0-9_-]{12}");
    }

    @Test
    void theTokenKeepsPartnerScopesAndDates() {
        Instant expires = NOW.plusSeconds(3600);

        ApiToken token = issuer.issue("acme", "reporting", Set.of(Scopes.APP_READ, Scopes.APP_READ_DESCENDANT), expires).token();

        assertThat(token.partnerSid()).isEqualTo("acme");
        assertThat(token.scopes()).containsExactlyInAnyOrder(Scopes.APP_READ, Scopes.APP_READ_DESCENDANT);
        assertThat(token.dateCreated()).isEqualTo(NOW);
        assertThat(token.dateExpires()).isEqualTo(expires);
    }

    @Test
    void theIssuedTokenNeverPrintsItsSecret() {
        IssuedToken issued = issuer.issue("acme", "bridge-1", Set.of(Scopes.CDR_INGEST), null);

        assertThat(issued.toString()).doesNotContain(issued.secret());
    }

    @Test
    void anIssuedTokenAuthenticatesUntilItExpires() {
        IssuedToken issued = issuer.issue("acme", "bridge-1", Set.of(Scopes.CDR_INGEST), NOW.plusSeconds(60));
        var later = new Authenticator(storage.tokens(), Clock.offset(clock, java.time.Duration.ofSeconds(60)));

        assertThat(new Authenticator(storage.tokens(), clock).authenticate("Bearer " + issued.secret()).token().id())
                .isEqualTo(issued.token().id());
        assertThatThrownBy(() -> later.authenticate("Bearer " + issued.secret()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage(AuthenticationException.BAD_CREDENTIALS);
    }
}
