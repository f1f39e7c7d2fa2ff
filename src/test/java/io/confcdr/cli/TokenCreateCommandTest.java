package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Token issuing itself is the auth package's; here: what the CLI asks for and prints. */
class TokenCreateCommandTest {

    private static final String PARTNER = "cee93bf3-5746-43fe-a1a2-822c05fef687";

    @Test
    void printsOnlyTheSecretOfATokenWithTheRequestedScopes() {
        var cli = new CliHarness().withPartner(PARTNER, null);

        var result = cli.run("token", "create", "--partner", PARTNER, "--scopes", "app.read,app.read_descendant",
                "--name", "reports");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("secret-1" + System.lineSeparator());
        assertThat(cli.tokenRequests).containsExactly(new CliHarness.TokenRequest(
                PARTNER, "reports", Set.of("app.read", "app.read_descendant"), null));
    }

    @Test
    void theFirstOperatorTokenCanManagePartnersAndTokens() {
        var cli = new CliHarness().withPartner(PARTNER, null);

        var result = cli.run("token", "create", "--partner", PARTNER, "--scopes", "partners.manage,oauth.manage,app.read",
                "--name", "operator");

        assertThat(result.exitCode()).isZero();
        assertThat(cli.tokenRequests).containsExactly(new CliHarness.TokenRequest(
                PARTNER, "operator", Set.of("partners.manage", "oauth.manage", "app.read"), null));
    }

    @Test
    void aShortDurationExpiryCountsFromNow() {
        var cli = new CliHarness().withPartner(PARTNER, null);

        cli.run("token", "create", "--partner", PARTNER, "--scopes", "cdr.ingest", "--expires", "30d");

        assertThat(cli.tokenRequests.getFirst().expires()).isEqualTo(CliHarness.NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void anUnknownPartnerIsAUsageErrorAndIssuesNothing() {
        var cli = new CliHarness();

        var result = cli.run("token", "create", "--partner", PARTNER, "--scopes", "app.read");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("confcdr: unknown partner " + PARTNER);
        assertThat(result.out()).isEmpty();
        assertThat(cli.tokenRequests).isEmpty();
    }

    @Test
    void aMistypedScopeIsAUsageError() {
        var cli = new CliHarness().withPartner(PARTNER, null);

        var result = cli.run("token", "create", "--partner", PARTNER, "--scopes", "app.raed");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown scope 'app.raed'");
        assertThat(cli.tokenRequests).isEmpty();
    }

    @Test
    void anExpiryInThePastIsAUsageError() {
        var cli = new CliHarness().withPartner(PARTNER, null);

        var result = cli.run("token", "create", "--partner", PARTNER, "--scopes", "app.read", "--expires", "2020-01-01");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is in the past");
        assertThat(cli.tokenRequests).isEmpty();
    }
}
