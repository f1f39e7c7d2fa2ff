package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.store.StoreUnavailableException;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MainTest {

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"", "serve", "demo", "partner", "partner create", "partner import", "partner list",
        "token", "token create", "token list", "token revoke", "import", "generate"})
    void everyCommandExplainsItselfWithHelp(String command) {
        String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");

        var result = new CliHarness().run(args);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: confcdr" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void aMistypedOptionIsAUsageErrorSuggestingTheRightOne() {
        var result = new CliHarness().run("generate", "--recrods", "5");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown options: '--recrods'", "Possible solutions: --records");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnreachableStoreIsAConfigurationErrorOnOneLine() {
        var cli = new CliHarness().withServicesOpener((dir, url) -> {
            throw new StoreUnavailableException("cannot connect to 127.0.0.1:5999", new SQLException("refused"));
        });

        var result = cli.run("partner", "create", "--name", "Acme", "--db", "jdbc:postgresql://127.0.0.1:5999/x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: store unavailable: cannot connect to 127.0.0.1:5999"
                + System.lineSeparator());
    }

    @Test
    void anUnexpectedErrorIsOneLineWithoutStackTrace() {
        var cli = new CliHarness().withServicesOpener((dir, url) -> {
            throw new IllegalStateException("disk on fire");
        });

        var result = cli.run("partner", "create", "--name", "Acme");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().lines()).containsExactly(
                "confcdr: unexpected error, a bug in confcdr: disk on fire (run again with --verbose for the details to report)");
    }

    @Test
    void verboseAddsTheStackTrace() {
        var cli = new CliHarness().withServicesOpener((dir, url) -> {
            throw new IllegalStateException("disk on fire");
        });

        var result = cli.run("partner", "create", "--name", "Acme", "--verbose");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("\tat io.confcdr.cli.");
    }
}
