package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.generate.NdjsonWriter;
import io.confcdr.model.Cdr;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.FailingStorage;
import io.confcdr.store.StoreUnavailableException;
import io.confcdr.store.TestRecords;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code confcdr import} with the real ingest over an in-memory store: batching, totals and reporting. */
class ImportCommandTest {

    private final TestRecords records = new TestRecords();

    private CliHarness harness() {
        return new CliHarness().withPartner(records.partnerSid(), null);
    }

    private static String ndjson(List<Cdr> cdrs) {
        var out = new ByteArrayOutputStream();
        try (var writer = new NdjsonWriter(out)) {
            cdrs.forEach(writer::write);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<Cdr> calls(int count) {
        List<Cdr> cdrs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            cdrs.add(records.call("call-" + i).build());
        }
        return cdrs;
    }

    private int stored(CliHarness cli) {
        return cli.storage.cdrs().list(CdrQuery.firstPage(Filter.ALL, Order.INSERTION, 1000),
                Visibility.of(records.partnerSid())).items().size();
    }

    @Test
    void printsTheTotalsOfAllBatchesAndExitsZeroWhenNothingIsRejected() {
        List<Integer> batches = new ArrayList<>();
        var cli = harness().withStdin(ndjson(calls(12)))
                .withIngestListener((report, stored) -> batches.add(report.accepted()));

        var result = cli.run("import", "--batch-size", "5", "-");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("accepted 12, duplicates 0, rejected 0");
        assertThat(batches).containsExactly(5, 5, 2);
        assertThat(stored(cli)).isEqualTo(12);
    }

    @Test
    void reportsRejectionsByInputLineOnStderrAndExitsOne() {
        Cdr a = records.call("a").build();
        Cdr b = records.call("b").build();
        Cdr stoppedBeforeStart = b.toBuilder().dateStop(b.dateStart().minusSeconds(1)).duration(null).build();
        Cdr c = records.call("c").build();
        var cli = harness();
        cli.storage.cdrs().insert(List.of(c));
        String input = ndjson(List.of(a)) + "\n" + ndjson(List.of(stoppedBeforeStart, c));

        var result = cli.withStdin(input).run("import", "-");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().strip()).isEqualTo("accepted 1, duplicates 1, rejected 1");
        assertThat(result.err().lines()).first().isEqualTo(
                "rejected line 3 call_sid " + b.callSid() + ": date_stop: must not be before date_start; "
                        + "date_join: must not be after date_stop; date_disconnected: must not be after date_stop");
        assertThat(result.err().lines()).hasSize(2).last().asString().startsWith("confcdr import: 3 records in ");
    }

    @Test
    void readsAFileAndSkipsBlankLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calls.ndjson");
        Files.writeString(file, "\n" + ndjson(calls(3)) + "   \n");
        var cli = harness();

        var result = cli.run("import", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("accepted 3, duplicates 0, rejected 0");
        assertThat(stored(cli)).isEqualTo(3);
    }

    @Test
    void aBatchSizeBeyondWhatOneIngestMayHoldIsAUsageError() {
        var result = harness().withStdin("").run("import", "--batch-size", "10001", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("confcdr: --batch-size must be from 1 to 10000");
    }

    @Test
    void aDirectoryIsAUsageErrorThatNamesIt(@TempDir Path dir) {
        var result = harness().run("import", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("confcdr: cannot read " + dir + ": it is a directory");
    }

    @Test
    void aMissingFileIsAUsageError() {
        var result = harness().run("import", "no/such/file.ndjson");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("confcdr: no such file: no/such/file.ndjson");
    }

    @Test
    void aFailingStoreStopsTheImportAndSaysHowFarItGot() {
        var cli = harness();
        var failing = new FailingStorage(cli.storage);
        cli.withStorage(failing).withStdin(ndjson(calls(7))).withIngestListener((report, stored) ->
                failing.failWith(() -> new StoreUnavailableException("database is locked", null)));

        var result = cli.run("import", "--batch-size", "5", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly(
                "confcdr: stopped before line 6 after accepted 5, duplicates 0, rejected 0",
                "confcdr: store unavailable: database is locked");
        assertThat(stored(cli)).isEqualTo(5);
    }
}
