package io.confcdr.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.ApiToken;
import io.confcdr.model.Partner;
import io.confcdr.query.Visibility;
import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Storage storage = new MemoryStorage(clock);
    private final TokenIssuer issuer = new TokenIssuer(storage.tokens(), clock);
    private final Authenticator authenticator = new Authenticator(storage.tokens(), clock);

    AuthenticatorTest() {
        storage.partners().create(new Partner("acme", "Acme", null, Partner.ACTIVE, NOW));
        storage.partners().create(new Partner("acme-emea", "Acme EMEA", "acme", Partner.ACTIVE, NOW));
    }

    @Test
    void usingATokenRecordsWhenItWasLastUsed() {
        IssuedToken issued = issuer.issue("acme", "reporting", Set.of(Scopes.APP_READ), null);

        authenticator.authenticate("Bearer " + issued.secret());

        ApiToken stored = storage.tokens().listForPartner("acme").getFirst();
        assertThat(stored.dateLastUsed()).isEqualTo(NOW);
    }

    @Test
    void surroundingWhitespaceAroundTheTokenIsTolerated() {
        IssuedToken issued = issuer.issue("acme", "reporting", Set.of(Scopes.APP_READ), null);

        assertThat(authenticator.authenticate("Bearer   " + issued.secret() + " ").token().id()).isEqualTo(issued.token().id());
    }

    @Test
    void anEmptyBearerTokenIsUnauthorizedNotBadCredentials() {
        assertThatThrownBy(() -> authenticator.authenticate("Bearer "))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage(AuthenticationException.UNAUTHORIZED);
    }

    @Test
    void withoutReadDescendantACallerSeesItsOwnPartnerOnly() {
        Caller caller = new Caller.Bearer(issuer.issue("acme", "r", Set.of(Scopes.APP_READ), null).token());

        assertThat(caller.readVisibility(storage.partners())).isEqualTo(Visibility.of("acme"));
    }

    @Test
    void withReadDescendantACallerSeesItsSubtree() {
        Caller caller = new Caller.Bearer(issuer.issue("acme", "r", Set.of(Scopes.APP_READ, Scopes.APP_READ_DESCENDANT), null).token());

        assertThat(caller.readVisibility(storage.partners())).isEqualTo(Visibility.of("acme", "acme-emea"));
    }

    @Test
    void aMissingScopeIsForbiddenNamingTheScopesThatWouldDo() {
        Caller caller = new Caller.Bearer(issuer.issue("acme", "bridge", Set.of(Scopes.CDR_INGEST), null).token());

        assertThatThrownBy(() -> caller.requireAnyScope(Scopes.APP_READ, Scopes.APP_MANAGE))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("this token needs the scope app.read or app.manage");
    }
}
