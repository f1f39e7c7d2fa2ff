package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.generate.NdjsonWriter;
import io.confcdr.model.Cdr;
import io.confcdr.model.SequenceRange;
import io.confcdr.store.SourceStore;
import io.confcdr.store.SourceStore.SourceState;
import io.confcdr.store.TestRecords;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code confcdr import --source NAME [--sequence-start N]}: the k-th non-blank line is record N + k - 1. */
class ImportSourceCommandTest {

    private final TestRecords records = new TestRecords();
    private final CliHarness cli = new CliHarness().withPartner(records.partnerSid(), null);

    private String lines(int from, int to) {
        List<Cdr> cdrs = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            cdrs.add(records.call("call-" + i).build());
        }
        var out = new ByteArrayOutputStream();
        try (var writer = new NdjsonWriter(out)) {
            cdrs.forEach(writer::write);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private SourceState source(String name) {
        return cli.storage.sources().list(null).stream()
                .filter(state -> state.source().equals(new SourceStore.Source(SourceStore.OPERATOR, name)))
                .findFirst().orElseThrow();
    }

    @Test
    void numbersRecordsByNonBlankLineAcrossBatchesAndSaysWhatTheSourceHolds() {
        String input = "\n" + lines(1, 4) + "\n\n" + lines(5, 7) + "   \n";

        var result = cli.withStdin(input).run("import", "--batch-size", "3", "--source", "bridge-9", "--sequence-start", "100", "-");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(source("bridge-9").received().ranges()).containsExactly(new SequenceRange(100, 106));
        assertThat(result.err()).contains("confcdr import: source bridge-9 has 7 records numbered 100 to 106, none missing");
    }

    @Test
    void aLostStretchOfAnEarlierImportShowsAsMissingUntilItIsImported() {
        cli.withStdin(lines(1, 3)).run("import", "--source", "bridge-9", "-");

        var later = cli.withStdin(lines(7, 9)).run("import", "--source", "bridge-9", "--sequence-start", "6", "-");

        assertThat(later.err()).contains("source bridge-9 has 6 records numbered 0 to 8; missing 3-5");
        assertThat(source("bridge-9").received().missing()).containsExactly(new SequenceRange(3, 5));

        var filled = cli.withStdin(lines(4, 6)).run("import", "--source", "bridge-9", "--sequence-start", "3", "-");

        assertThat(filled.err()).contains("source bridge-9 has 9 records numbered 0 to 8, none missing");
    }

    @Test
    void rejectedLinesAreNumberedToo() {
        String input = lines(1, 1) + "{\"call_sid\":\"broken\"}\n" + lines(2, 2);

        var result = cli.withStdin(input).run("import", "--source", "bridge-9", "-");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(source("bridge-9").received().ranges()).containsExactly(new SequenceRange(0, 2));
    }

    @Test
    void aSequenceStartWithoutASourceIsAUsageError() {
        var result = cli.withStdin(lines(1, 1)).run("import", "--sequence-start", "5", "-");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip()).isEqualTo("confcdr: --sequence-start needs --source");
        assertThat(cli.storage.sources().list(null)).isEmpty();
    }

    @Test
    void aBadSourceOrStartIsAUsageErrorNamingTheOption() {
        var badName = cli.withStdin(lines(1, 1)).run("import", "--source", "bridge 9", "-");
        var negative = cli.withStdin(lines(1, 1)).run("import", "--source", "bridge-9", "--sequence-start", "-1", "-");

        assertThat(badName.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badName.err().strip()).startsWith("confcdr: --source: ");
        assertThat(negative.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(negative.err().strip()).startsWith("confcdr: --sequence-start: ");
        assertThat(cli.storage.sources().list(null)).isEmpty();
    }
}
