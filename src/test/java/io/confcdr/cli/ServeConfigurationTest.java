package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --config FILE}, {@code CONFCDR_*} and flags as a user meets them: the effective values
 * printed with their origin and the password masked, and a wrong configuration as one line, exit 2.
 */
class ServeConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void printConfigShowsTheEffectiveValuesAndWhereEachCameFrom() throws Exception {
        Path file = Files.writeString(dir.resolve("confcdr.toml"), "[listen]\nport = 9001\n[log]\nformat = \"json\"\n");

        var result = new CliHarness().withEnv("CONFCDR_PORT", "9002")
                .withEnv("CONFCDR_DB", "jdbc:postgresql://db/cdr?user=confcdr&password=s3cret")
                .run("serve", "--config", file.toString(), "--host", "127.0.0.1", "--print-config");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains(
                "host = \"127.0.0.1\"  # flag --host",
                "port = 9002  # env CONFCDR_PORT",
                "format = \"json\"  # file " + file,
                "db = \"jdbc:postgresql://db/cdr?user=confcdr&password=****\"  # env CONFCDR_DB");
        assertThat(result.out() + result.err()).doesNotContain("s3cret");
    }

    @Test
    void theRequestDeadlineReachesTheApiConfiguration() throws Exception {
        Path file = Files.writeString(dir.resolve("confcdr.toml"), "[limits]\nrequest_deadline_seconds = 12\n");

        var result = new CliHarness().run("serve", "--config", file.toString(), "--print-config");
        var config = io.confcdr.config.ConfigLoader.load(file, name -> null, java.util.Map.of());

        assertThat(result.out()).contains("request_deadline_seconds = 12  # file " + file);
        assertThat(ServeCommand.apiConfig(config).requestDeadline()).isEqualTo(java.time.Duration.ofSeconds(12));
        assertThat(new CliHarness().run("serve", "--request-deadline", "45", "--print-config").out())
                .contains("request_deadline_seconds = 45  # flag --request-deadline");
    }

    @Test
    void anUnknownKeyIsOneLineAndExitTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("confcdr.toml"), "[store]\npool = 4\n");

        var result = new CliHarness().run("serve", "--config", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: unknown key 'store.pool' in " + file
                + "; the keys are those of packaging/confcdr.example.toml (serve --print-config lists them)"
                + System.lineSeparator());
    }

    @Test
    void aBadFlagValueIsOneLineAndExitTwo() {
        var result = new CliHarness().run("serve", "--port", "http", "--print-config");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: --port must be a whole number from 0 to 65535, not 'http'"
                + System.lineSeparator());
    }

    @Test
    void aTlsCertificateThatDoesNotExistIsOneLineAndExitTwo() {
        Path missing = dir.resolve("cert.pem");

        var result = new CliHarness().run("serve", "--host", "127.0.0.1", "--port", "0",
                "--tls-certificate", missing.toString(), "--tls-private-key", dir.resolve("key.pem").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: cannot read the TLS certificate " + missing
                + ": it does not exist or is not a readable file; check --tls-certificate" + System.lineSeparator());
    }

    @Test
    void theListeningLineNamesTheSchemeServedAndThePublicUrlBesideIt() {
        assertThat(ServerRunner.displayUrl("0.0.0.0", 8080, false, "https://cdr.example.com"))
                .isEqualTo("http://localhost:8080 (public URL https://cdr.example.com)");
        assertThat(ServerRunner.displayUrl("127.0.0.1", 8443, true, null)).isEqualTo("https://127.0.0.1:8443");
    }
}
