package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.boot.Services;
import io.confcdr.auth.AuthenticationException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code partner list}, {@code token list}, {@code token revoke}, and the sid {@code token create} reports. */
class PartnerAndTokenListingTest {

    private static final String ROOT = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String CHILD = "aaaaaaaa-0000-4000-8000-000000000002";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CliHarness cli = new CliHarness().withPartner(ROOT, null).withPartner(CHILD, ROOT);

    /** Creates a token; returns {secret, token_sid} as the command printed them. */
    private String[] createToken(String partner, String scopes) {
        var created = cli.run("token", "create", "--partner", partner, "--scopes", scopes, "--name", "bridge");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String secret = created.out().strip();
        String sid = created.err().replaceAll("(?s).*created (tok_\\S+) .*", "$1");
        return new String[] {secret, sid};
    }

    @Test
    void partnerListIsATableOfEveryPartner() {
        var result = cli.run("partner", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "PARTNER_SID                           PARENT_SID                            STATUS  NAME",
                ROOT + "  -                                     active  Partner " + ROOT,
                CHILD + "  " + ROOT + "  active  Partner " + CHILD);
    }

    @Test
    void partnerListAsJsonIsAnArrayScriptsCanRead() {
        var result = cli.run("partner", "list", "--format", "json");

        assertThat(result.exitCode()).isZero();
        JsonNode partners = JSON.readTree(result.out());
        assertThat(partners.size()).isEqualTo(2);
        assertThat(partners.get(1).get("partner_sid").stringValue()).isEqualTo(CHILD);
        assertThat(partners.get(1).get("parent_sid").stringValue()).isEqualTo(ROOT);
        assertThat(partners.get(0).get("parent_sid").isNull()).isTrue();
    }

    @Test
    void tokenCreateKeepsTheSecretAloneOnStdoutAndTellsTheSidOnStderr() {
        var result = cli.run("token", "create", "--partner", ROOT, "--scopes", "app.read");

        assertThat(result.out().lines()).singleElement().asString().startsWith("ccdr_");
        assertThat(result.err()).matches("confcdr token: created tok_\\S+ for partner " + ROOT
                + "; the secret above is shown only this once\\R");
    }

    @Test
    void tokenListShowsSidsAndScopesButNeverTheSecret() {
        String[] token = createToken(CHILD, "cdr.ingest,app.read");

        var table = cli.run("token", "list");
        var json = cli.run("token", "list", "--format", "json", "--partner", CHILD);

        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines()).hasSize(2);
        assertThat(table.out().lines().toList().get(1)).isEqualTo(token[1] + "  " + CHILD + "  active  app.read,cdr.ingest  -        -          bridge");
        assertThat(table.out() + json.out()).doesNotContain(token[0]).doesNotContain("ccdr_");
        JsonNode listed = JSON.readTree(json.out());
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("token_sid").stringValue()).isEqualTo(token[1]);
        assertThat(listed.get(0).get("scopes").toString()).isEqualTo("[\"app.read\",\"cdr.ingest\"]");
        assertThat(JSON.readTree(cli.run("token", "list", "--format", "json", "--partner", ROOT).out()).size()).isZero();
    }

    @Test
    void aRevokedTokenNoLongerAuthenticatesAndIsListedAsRevoked() {
        String[] token = createToken(ROOT, "app.read");

        var result = cli.run("token", "revoke", token[1]);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("revoked " + token[1] + " of partner " + ROOT + System.lineSeparator());
        Assertions.assertThatThrownBy(() -> Services.over(cli.storage, CliHarness.CLOCK).authenticator()
                .authenticate("Bearer " + token[0])).isInstanceOf(AuthenticationException.class);
        assertThat(cli.run("token", "list").out()).contains(token[1] + "  " + ROOT + "  revoked");
        assertThat(cli.run("token", "revoke", token[1]).exitCode()).as("revoking again").isZero();
    }

    @Test
    void revokingAnUnknownTokenIsAUsageError() {
        var result = cli.run("token", "revoke", "tok_nosuchtoken");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: unknown token tok_nosuchtoken (see 'confcdr token list')"
                + System.lineSeparator());
    }
}
