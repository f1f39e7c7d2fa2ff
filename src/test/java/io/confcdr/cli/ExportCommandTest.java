package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.model.Cdr;
import io.confcdr.store.FailingStorage;
import io.confcdr.store.StoreUnavailableException;
import io.confcdr.store.TestRecords;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code confcdr export} from a local store and over HTTP from a real server: output, resume, errors. */
class ExportCommandTest {

    private final TestRecords records = new TestRecords();

    @TempDir
    Path dir;

    private CliHarness harnessWith(int count) {
        var cli = new CliHarness().withPartner(records.partnerSid(), null);
        List<Cdr> cdrs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cdrs.add(records.call("call-" + i).customName(i % 3 == 0 ? "Smith, \"J\"\nline two" : "plain").build());
        }
        cli.storage.cdrs().insert(cdrs);
        return cli;
    }

    /** Cuts the file in the middle of its record {@code n} (from 0, the CSV header not counted). */
    private static void cutInsideRecord(Path file, int n, boolean csv) throws IOException {
        String text = Files.readString(file);
        int at = 0;
        for (int i = 0; i < n + (csv ? 1 : 0); i++) {
            at = text.indexOf(csv ? "\r\n" + "2024" : "\n", at + 1);
        }
        int recordStart = text.indexOf('\n', at) + 1;
        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(text.substring(0, recordStart + 20).getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void exportsEveryRecordOfTheLocalStoreAsNdjsonAndSummarisesOnStderr() throws IOException {
        var cli = harnessWith(25);
        Path file = dir.resolve("calls.ndjson");

        var result = cli.run("export", "--output", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(25).allSatisfy(line -> assertThat(line).startsWith("{\"address_dst\":"));
        assertThat(result.err()).startsWith("exported 25 records in ");
    }

    @Test
    void resumingACutNdjsonFileEndsWithTheSameFileAsOneExport() throws IOException {
        var cli = harnessWith(40);
        Path whole = dir.resolve("whole.ndjson");
        Path partial = dir.resolve("partial.ndjson");
        cli.run("export", "--output", whole.toString());
        Files.copy(whole, partial);
        cutInsideRecord(partial, 17, false);

        var result = cli.run("export", "--output", partial.toString(), "--resume");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(partial)).isEqualTo(Files.readString(whole));
        assertThat(result.err()).startsWith("exported 23 records");
    }

    @Test
    void resumingACutCsvFileKeepsOneHeaderAndLosesNothing() throws IOException {
        var cli = harnessWith(40);
        Path whole = dir.resolve("whole.csv");
        Path partial = dir.resolve("partial.csv");
        cli.run("export", "--format", "csv", "--output", whole.toString());
        String text = Files.readString(whole);
        // Cut inside a quoted field that holds a line break: that line end must not count as a record's end.
        int cut = text.indexOf("line two", text.indexOf("call-9")) - 2;
        Files.writeString(partial, text.substring(0, cut));

        var result = cli.run("export", "--format", "csv", "--output", partial.toString(), "--resume");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(partial)).isEqualTo(text);
    }

    @Test
    void exportsAndResumesOverHttpFromARealServer() throws IOException {
        var failing = new FailingStorage(new CliHarness().storage);
        failing.partners().create(new io.confcdr.model.Partner(records.partnerSid(), "P", null, "active", CliHarness.NOW));
        List<Cdr> cdrs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            cdrs.add(records.call("call-" + i).build());
        }
        failing.cdrs().insert(cdrs);
        String token = new TokenIssuer(failing.tokens(), CliHarness.CLOCK)
                .issue(records.partnerSid(), "export", Set.of(Scopes.APP_READ), null).secret();
        try (ApiServer server = ApiServer.start(failing, new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES), CliHarness.CLOCK)) {
            String url = "http://127.0.0.1:" + server.port();
            Path whole = dir.resolve("whole.csv");
            Path partial = dir.resolve("partial.csv");
            var cli = new CliHarness();

            assertThat(cli.run("export", "--url", url, "--token", token, "--format", "csv", "--output", whole.toString()).exitCode()).isZero();
            failing.failScansAfter(2100, () -> new StoreUnavailableException("connection reset", null));
            var cut = cli.run("export", "--url", url, "--token", token, "--format", "csv", "--output", partial.toString());
            failing.onScannedRecord(index -> {
            });
            var resumed = cli.run("export", "--url", url, "--token", token, "--format", "csv", "--output", partial.toString(), "--resume");

            assertThat(cut.exitCode()).isEqualTo(3);
            assertThat(cut.err()).startsWith("confcdr: the export was cut off after ").contains("--resume").doesNotContain("Exception");
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(Files.readString(partial)).isEqualTo(Files.readString(whole));
            assertThat(Files.readAllLines(whole)).hasSize(3001);
        }
    }

    @Test
    void aRefusedExportIsOnePlainLine() {
        var cli = harnessWith(1);

        var badFilter = cli.run("export", "--filter", "duration gt");
        var badFormat = cli.run("export", "--format", "xml");
        var resumeWithoutFile = cli.run("export", "--resume");

        assertThat(badFilter.exitCode()).isEqualTo(2);
        assertThat(badFilter.err()).startsWith("confcdr: filter: ").doesNotContain("Exception");
        assertThat(badFormat.err().strip()).isEqualTo("confcdr: --format must be ndjson or csv but found 'xml'");
        assertThat(resumeWithoutFile.err().strip()).isEqualTo("confcdr: --resume needs --output FILE");
    }

    @Test
    void aServerRefusalIsOnePlainLineWithTheServersReason() {
        try (ApiServer server = ApiServer.start(new CliHarness().storage, new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES), CliHarness.CLOCK)) {
            var result = new CliHarness().run("export", "--url", "http://127.0.0.1:" + server.port(), "--token", "ccdr_wrong");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err().strip()).isEqualTo("confcdr: the server refused the export: 401 Bad credentials: Authorization: "
                    + "the token is unknown, revoked or expired");
        }
    }
}
