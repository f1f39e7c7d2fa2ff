package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.boot.Services;
import io.confcdr.model.ApiToken;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code confcdr token create} with the real token admin over an in-memory store. */
class TokenCreateCommandTest {

    private static final String PARTNER = "cee93bf3-5746-43fe-a1a2-822c05fef687";

    private static List<ApiToken> issued(CliHarness cli) {
        return cli.storage.tokens().listForPartners(cli.storage.partners().allSids());
    }

    @Test
    void printsOnlyTheSecretOfATokenWithTheRequestedScopes() {
        var cli = new CliHarness().withPartner(PARTNER, null);

        var result = cli.run("token", "create", "--partner", PARTNER, "--scopes", "app.read,app.read_descendant",
                "--name", "reports");

        assertThat(result.exitCode()).isZero();
        String secret = result.out().strip();
        assertThat(result.out()).isEqualTo(secret + System.lineSeparator());
        ApiToken token = Services.over(cli.storage, CliHarness.CLOCK).authenticator().authenticate("Bearer " + secret).token();
        assertThat(token.partnerSid()).isEqualTo(PARTNER);
        assertThat(token.name()).isEqualTo("reports");
        assertThat(token.scopes()).isEqualTo(Set.of("app.read", "app.read_descendant"));
        assertThat(token.dateExpires()).isNull();
        assertThat(issued(cli)).hasSize(1);
    }

    @Test
    void theFirstOperatorTokenCanManagePartnersAndTokens() {
        var cli = new CliHarness().withPartner(PARTNER, null);

        var result = cli.run("token", "create", "--partner", PARTNER, "--scopes", "partners.manage,oauth.manage,app.read",
                "--name", "operator");

        assertThat(result.exitCode()).isZero();
        assertThat(issued(cli)).singleElement().satisfies(token -> {
            assertThat(token.name()).isEqualTo("operator");
            assertThat(token.scopes()).isEqualTo(Set.of("partners.manage", "oauth.manage", "app.read"));
        });
    }

    @Test
    void aShortDurationExpiryCountsFromNow() {
        var cli = new CliHarness().withPartner(PARTNER, null);

        cli.run("token", "create", "--partner", PARTNER, "--scopes", "cdr.ingest", "--expires", "30d");

        assertThat(issued(cli).getFirst().dateExpires()).isEqualTo(CliHarness.NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void anUnknownPartnerIsAUsageErrorAndIssuesNothing() {
        var cli = new CliHarness();

        var result = cli.run("token", "create", "--partner", PARTNER, "--scopes", "app.read");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("confcdr: unknown partner " + PARTNER);
        assertThat(result.out()).isEmpty();
        assertThat(issued(cli)).isEmpty();
    }

    @Test
    void aMistypedScopeIsAUsageError() {
        var cli = new CliHarness().withPartner(PARTNER, null);

        var result = cli.run("token", "create", "--partner", PARTNER, "--scopes", "app.raed");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown scope 'app.raed'");
        assertThat(issued(cli)).isEmpty();
    }

    @Test
    void anExpiryInThePastIsAUsageError() {
        var cli = new CliHarness().withPartner(PARTNER, null);

        var result = cli.run("token", "create", "--partner", PARTNER, "--scopes", "app.read", "--expires", "2020-01-01");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is in the past");
        assertThat(issued(cli)).isEmpty();
    }
}
