package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.boot.Services;
import io.confcdr.store.sql.SqlStorageFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} and {@code demo} say when they cannot start: one line naming what to change, exit 2,
 * never a Java class name. Real sockets, real SQLite files.
 */
class ServeCommandErrorsTest {

    @TempDir
    Path dir;

    /** The real opener, as {@code bin/confcdr} runs it: creates the data directory, opens SQLite. */
    private CliHarness realStore() {
        return new CliHarness().withServicesOpener(CliContext.system().services());
    }

    private static ServerSocket occupiedPort() throws Exception {
        var socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    @Test
    void aBusyPortIsOneLineNamingItAndExitTwo() throws Exception {
        try (ServerSocket taken = occupiedPort()) {
            int port = taken.getLocalPort();

            var result = realStore().run("serve", "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--data", dir.toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("confcdr: port " + port
                    + " is already in use on 127.0.0.1; choose another with --port" + System.lineSeparator());
        }
    }

    @Test
    void aWebhookLeaseShorterThanFiveSecondsIsRefused() {
        var result = realStore().run("serve", "--host", "127.0.0.1", "--port", "0", "--data", dir.toString(),
                "--webhook-lease", "2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: --webhook-lease must be a whole number from 5 to 3600, not '2'" + System.lineSeparator());
    }

    @Test
    void aRetentionIntervalBeyondTheHourIsOneLineAndExitTwo() {
        var result = realStore().run("serve", "--host", "127.0.0.1", "--port", "0", "--retention-interval", "61",
                "--data", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: --retention-interval must be a whole number from 1 to 60, not '61'" + System.lineSeparator());
    }

    @Test
    void aHostThatDoesNotResolveIsItsOwnMessageNotABusyPort() {
        var result = realStore().run("serve", "--host", "no-such-host.invalid", "--port", "0", "--data", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: cannot resolve the host 'no-such-host.invalid'; give --host an"
                + " address of this machine (127.0.0.1 for this machine only, 0.0.0.0 for all)" + System.lineSeparator());
    }

    @Test
    void anAddressOfAnotherMachineCannotBeListenedOn() {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): it resolves, and belongs to no machine.
        var result = realStore().run("serve", "--host", "192.0.2.1", "--port", "18080", "--data", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: cannot listen on 192.0.2.1: it is not an address of this machine;"
                + " choose another with --host (127.0.0.1 for this machine only, 0.0.0.0 for all)" + System.lineSeparator());
    }

    @Test
    void aDataPathThatIsAFileIsNamedWithTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");

        var result = realStore().run("partner", "list", "--data", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: cannot use " + file + " as the data directory: " + file
                + " exists and is not a directory; choose another with --data" + System.lineSeparator());
    }

    @Test
    void aDataPathUnderAFileIsNamedWithTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");
        Path under = file.resolve("data");

        var result = realStore().run("partner", "list", "--data", under.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: cannot use " + under + " as the data directory: not a directory"
                + "; choose another with --data" + System.lineSeparator());
    }

    @Test
    void theServerRefusesToStartOnASqliteStoreItCannotWrite() {
        SqlStorageFactory.sqlite(dir, CliHarness.CLOCK).close();
        // Tests run as root here, and file permissions do not stop root: the store is opened with SQLite's
        // read-only flag instead, which fails every write exactly as a file the process may not write does.
        var cli = new CliHarness().withServicesOpener((data, url) ->
                Services.over(SqlStorageFactory.sqliteReadOnly(data, CliHarness.CLOCK), CliHarness.CLOCK));

        var result = cli.run("serve", "--host", "127.0.0.1", "--port", "0", "--data", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: cannot write the store in " + dir
                + ": attempt to write a readonly database; check that the directory and its confcdr.db may be written"
                + " and the disk has room, or choose another with --data" + System.lineSeparator());
    }

    @Test
    void dataAndDbTogetherAreAUsageErrorNamingBoth() {
        var result = new CliHarness().run("partner", "list", "--data", dir.toString(),
                "--db", "jdbc:postgresql://127.0.0.1:5432/x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: --data and --db name two stores; give --data DIR for the embedded"
                + " store or --db JDBC_URL for PostgreSQL, not both" + System.lineSeparator());
    }

    @Test
    void bothStoreVariablesSetAreAUsageErrorNamingBoth() {
        var result = new CliHarness().withEnv("CONFCDR_DATA", dir.toString())
                .withEnv("CONFCDR_DB", "jdbc:postgresql://127.0.0.1:5432/x").run("partner", "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: CONFCDR_DATA and CONFCDR_DB are both set and name two stores;"
                + " unset one, or choose on the command line with --data or --db" + System.lineSeparator());
    }

    @Test
    void anOptionWinsOverTheOtherStoresVariable() {
        var opened = new java.util.ArrayList<String>();
        var cli = new CliHarness().withEnv("CONFCDR_DB", "jdbc:postgresql://127.0.0.1:5432/x");
        cli.withServicesOpener((data, url) -> {
            opened.add(data + " " + url);
            return Services.over(cli.storage, CliHarness.CLOCK);
        });

        var result = cli.run("partner", "list", "--data", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(opened).containsExactly(dir + " null");
    }

    @Test
    void theDemoChecksItsPortBeforeGeneratingAnything() throws Exception {
        try (ServerSocket taken = occupiedPort()) {
            int port = taken.getLocalPort();
            var cli = new CliHarness().withServicesOpener((data, url) -> {
                throw new AssertionError("the demo opened a store although its port is taken");
            });

            var result = cli.run("demo", "--port", String.valueOf(port));

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("confcdr: port " + port
                    + " is already in use on 127.0.0.1; choose another with --port" + System.lineSeparator());
        }
    }
}
