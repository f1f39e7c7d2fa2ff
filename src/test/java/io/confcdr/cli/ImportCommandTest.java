package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.ingest.IngestReport;
import io.confcdr.ingest.IngestReport.Reason;
import io.confcdr.ingest.IngestReport.Rejection;
import io.confcdr.store.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingestor is a fake here: validation is the ingest package's; this proves batching and reporting. */
class ImportCommandTest {

    private static String records(int count) {
        var text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append("{\"call_sid\":\"call-").append(i).append("\"}\n");
        }
        return text.toString();
    }

    @Test
    void printsTheTotalsOfAllBatchesAndExitsZeroWhenNothingIsRejected() {
        var cli = new CliHarness().withStdin(records(12));

        var result = cli.run("import", "--batch-size", "5", "-");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("accepted 12, duplicates 0, rejected 0");
        assertThat(cli.ingestedBatches).extracting(CliHarness::lines).containsExactly(5, 5, 2);
    }

    @Test
    void reportsRejectionsByInputLineOnStderrAndExitsOne() {
        var cli = new CliHarness()
                .withStdin("{\"call_sid\":\"a\"}\n\n{\"call_sid\":\"b\"}\n{\"call_sid\":\"c\"}\n")
                .withIngestAnswer(batch -> new IngestReport(1, 1, List.of(new Rejection(1, "b", List.of(
                        new Reason("date_stop", "must not be before date_start"),
                        new Reason("partner_sid", "unknown partner"))))));

        var result = cli.run("import", "-");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().strip()).isEqualTo("accepted 1, duplicates 1, rejected 1");
        assertThat(result.err().strip()).isEqualTo(
                "rejected line 3 call_sid b: date_stop: must not be before date_start; partner_sid: unknown partner");
    }

    @Test
    void readsAFileAndSkipsBlankLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calls.ndjson");
        Files.writeString(file, "\n" + records(3) + "   \n");
        var cli = new CliHarness();

        var result = cli.run("import", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("accepted 3, duplicates 0, rejected 0");
        assertThat(cli.ingestedBatches).containsExactly(records(3));
    }

    @Test
    void aBatchSizeBeyondWhatOneIngestMayHoldIsAUsageError() {
        var result = new CliHarness().withStdin("").run("import", "--batch-size", "10001", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("confcdr: --batch-size must be from 1 to 10000");
    }

    @Test
    void aDirectoryIsAUsageErrorThatNamesIt(@TempDir Path dir) {
        var result = new CliHarness().run("import", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("confcdr: cannot read " + dir + ": it is a directory");
    }

    @Test
    void aMissingFileIsAUsageError() {
        var result = new CliHarness().run("import", "no/such/file.ndjson");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("confcdr: no such file: no/such/file.ndjson");
    }

    @Test
    void aFailingStoreStopsTheImportAndSaysHowFarItGot() {
        var cli = new CliHarness().withStdin(records(7)).withIngestAnswer(batch -> {
            if (batch.contains("call-6")) {
                throw new StoreUnavailableException("database is locked", null);
            }
            return new IngestReport(CliHarness.lines(batch), 0, List.of());
        });

        var result = cli.run("import", "--batch-size", "5", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly(
                "confcdr: stopped before line 6 after accepted 5, duplicates 0, rejected 0",
                "confcdr: store unavailable: database is locked");
    }
}
