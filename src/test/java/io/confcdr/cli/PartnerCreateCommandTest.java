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

    @Test
    void aBlankNameOrASidRecordsCouldNotNameIsAUsageErrorAndNothingIsCreated() {
        var cli = new CliHarness();

        var blank = cli.run("partner", "create", "--name", " ");
        var slash = cli.run("partner", "create", "--name", "Acme", "--sid", "acme/west");
        var empty = cli.run("partner", "create", "--name", "Acme", "--sid", "");

        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err().strip()).isEqualTo("confcdr: --name must be a non-empty name of at most 256 characters");
        assertThat(slash.exitCode()).isEqualTo(2);
        assertThat(slash.err().strip()).isEqualTo("confcdr: --sid must consist of letters, digits and . _ : ~ - only");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err().strip()).isEqualTo("confcdr: --sid must be 1 to 128 characters long");
        assertThat(cli.storage.partners().find("acme/west")).isEmpty();
    }
}
