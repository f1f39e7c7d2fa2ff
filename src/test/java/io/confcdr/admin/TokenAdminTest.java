package io.confcdr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.Caller;
import io.confcdr.auth.IssuedToken;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Partner;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The token rules without HTTP: a token never grants more than it holds, nor reaches outside its subtree. */
class TokenAdminTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final MemoryStorage storage = new MemoryStorage(CLOCK);
    private final TokenAdmin admin = new TokenAdmin(storage.tokens(), storage.partners(),
            new TokenIssuer(storage.tokens(), CLOCK), CLOCK);
    private final Caller emeaAdmin;

    TokenAdminTest() {
        storage.partners().create(new Partner("acme", "Acme", null, Partner.ACTIVE, NOW));
        storage.partners().create(new Partner("emea", "EMEA", "acme", Partner.ACTIVE, NOW));
        storage.partners().create(new Partner("globex", "Globex", null, Partner.ACTIVE, NOW));
        emeaAdmin = new Caller.Bearer(issued(Caller.operator(), "emea", Scopes.OAUTH_MANAGE, Scopes.APP_READ).token());
    }

    private IssuedToken issued(Caller caller, String partnerSid, String... scopes) {
        return ((AdminResult.Done<IssuedToken>) admin.issue(caller, partnerSid, new NewToken("t", Set.of(scopes), null))).value();
    }

    @Test
    void aTokenIssuesForItsOwnPartnerByDefault() {
        ApiToken token = issued(emeaAdmin, null, Scopes.APP_READ).token();

        assertThat(token.partnerSid()).isEqualTo("emea");
        assertThat(token.scopes()).containsExactly(Scopes.APP_READ);
    }

    @Test
    void aTokenCannotGrantAScopeItDoesNotHold() {
        assertThat(admin.issue(emeaAdmin, null, new NewToken("x", Set.of(Scopes.CDR_INGEST), null))).isEqualTo(
                new AdminResult.Forbidden<>("a token cannot grant the scope cdr.ingest, which it does not hold"));
    }

    @Test
    void anUnknownScopeIsNamed() {
        assertThat(admin.issue(Caller.operator(), "emea", new NewToken("x", Set.of("app.raed"), null)))
                .isInstanceOfSatisfying(AdminResult.Invalid.class, invalid -> assertThat(invalid.message())
                        .startsWith("unknown scope 'app.raed'; known scopes are app.manage, app.read"));
    }

    @Test
    void partnersAndTokensOutsideTheSubtreeAreNotFound() {
        IssuedToken globexToken = issued(Caller.operator(), "globex", Scopes.APP_READ);

        assertThat(admin.issue(emeaAdmin, "acme", new NewToken("x", Set.of(Scopes.APP_READ), null)))
                .isEqualTo(new AdminResult.NotFound<>("partner_sid"));
        assertThat(admin.get(emeaAdmin, globexToken.token().id())).isEqualTo(new AdminResult.NotFound<>("token_sid"));
        assertThat(admin.revoke(emeaAdmin, globexToken.token().id())).isEqualTo(new AdminResult.NotFound<>("token_sid"));
        assertThat(storage.tokens().findById(globexToken.token().id()).orElseThrow().dateRevoked()).isNull();
        assertThat(admin.list(emeaAdmin)).extracting(ApiToken::partnerSid).containsOnly("emea");
    }

    @Test
    void anExpiryInThePastIsRefused() {
        assertThat(admin.issue(Caller.operator(), "emea", new NewToken("x", Set.of(Scopes.APP_READ), NOW.minusSeconds(1))))
                .isEqualTo(new AdminResult.Invalid<>("expires", "is in the past"));
    }

    @Test
    void revokingTwiceKeepsTheFirstRevocation() {
        IssuedToken token = issued(emeaAdmin, null, Scopes.APP_READ);

        admin.revoke(emeaAdmin, token.token().id());
        var again = admin.revoke(emeaAdmin, token.token().id());

        assertThat(((AdminResult.Done<ApiToken>) again).value().dateRevoked()).isEqualTo(NOW);
    }
}
