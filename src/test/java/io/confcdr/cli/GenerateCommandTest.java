package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class GenerateCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void printsTheRequestedNumberOfNdjsonRecords() {
        var result = new CliHarness().run("generate", "--records", "250", "--seed", "7");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().toList()).hasSize(250)
                .allSatisfy(line -> assertThat(JSON.readTree(line).get("call_sid").asString()).isNotBlank());
        assertThat(result.out()).endsWith("}\n");
    }

    @Test
    void theSameSeedPrintsTheSameRecords() {
        var first = new CliHarness().run("generate", "--records", "100", "--seed", "3", "--from", "2025-03-03");
        var second = new CliHarness().run("generate", "--records", "100", "--seed", "3", "--from", "2025-03-03");

        assertThat(first.out()).isEqualTo(second.out());
        assertThat(first.out()).contains("\"date_start\":\"2025-03-0");
    }

    @Test
    void partnersPrintsTheTreeThatPartnerImportReads() {
        var generated = new CliHarness().run("generate", "--partners");
        var cli = new CliHarness().withStdin(generated.out());

        var imported = cli.run("partner", "import", "-");

        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out().strip()).isEqualTo("created 8, existing 0");
        String rootSid = JSON.readTree(generated.out().lines().findFirst().orElseThrow()).get("partner_sid").asString();
        assertThat(cli.storage.partners().subtree(rootSid)).hasSize(8);
    }

    @Test
    void partnersOutWritesTheTreeBesideTheRecords(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("partners.ndjson");

        var result = new CliHarness().run("generate", "--records", "3", "--partners-out", tree.toString());

        assertThat(result.out().lines()).hasSize(3);
        assertThat(Files.readAllLines(tree)).hasSize(8).first().asString().contains("\"parent_sid\":null");
    }
}
