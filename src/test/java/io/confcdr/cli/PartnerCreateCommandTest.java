package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartnerCreateCommandTest {

    private static final String ROOT = "cee93bf3-5746-43fe-a1a2-822c05fef687";

    @Test
    void printsOnlyTheNewPartnerSidAndStoresThePartner() {
        var cli = new CliHarness();

        var result = cli.run("partner", "create", "--name", "Acme Telecom");

        assertThat(result.exitCode()).isZero();
        String sid = result.out().strip();
        assertThat(UUID.fromString(sid).toString()).isEqualTo(sid);
        assertThat(result.out()).isEqualTo(sid + System.lineSeparator());
        assertThat(cli.storage.partners().find(sid)).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("Acme Telecom");
            assertThat(p.parentSid()).isNull();
        });
    }

    @Test
    void createsAChildWithTheGivenSid() {
        var cli = new CliHarness().withPartner(ROOT, null);

        var result = cli.run("partner", "create", "--name", "Acme West", "--sid", "acme-west", "--parent", ROOT);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("acme-west");
        assertThat(cli.storage.partners().subtree(ROOT)).containsExactlyInAnyOrder(ROOT, "acme-west");
    }

    @Test
    void aDuplicateSidIsAUsageErrorWithOneLineOnStderr() {
        var cli = new CliHarness().withPartner(ROOT, null);

        var result = cli.run("partner", "create", "--name", "Again", "--sid", ROOT);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo("confcdr: partner " + ROOT + " already exists");
        assertThat(cli.storage.partners().find(ROOT).orElseThrow().name()).isEqualTo("Partner " + ROOT);
    }

    @Test
    void anUnknownParentIsAUsageError() {
        var cli = new CliHarness();

        var result = cli.run("partner", "create", "--name", "Orphan", "--parent", ROOT);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown parent partner " + ROOT);
        assertThat(result.out()).isEmpty();
    }
}
