package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.generate.NdjsonWriter;
import io.confcdr.model.Cdr;
import io.confcdr.model.CdrJson;
import io.confcdr.store.TestRecords;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code import} reads (gzip, confcdr's own exports) and in which order it reports. */
class ImportInputTest {

    private final TestRecords records = new TestRecords();

    private CliHarness harness() {
        return new CliHarness().withPartner(records.partnerSid(), null);
    }

    private String ndjson(int count) {
        var out = new ByteArrayOutputStream();
        try (var writer = new NdjsonWriter(out)) {
            for (int i = 1; i <= count; i++) {
                writer.write(records.call("call-" + i).build());
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void aGzipFileIsReadInflatedWhateverItsName(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("calls.ndjson"), gzip(ndjson(4)));

        var result = harness().run("import", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("accepted 4, duplicates 0, rejected 0" + System.lineSeparator());
    }

    @Test
    void gzipOnStdinIsReadInflated() throws Exception {
        var result = harness().withStdin(gzip(ndjson(3))).run("import", "-");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("accepted 3, duplicates 0, rejected 0" + System.lineSeparator());
    }

    @Test
    void damagedGzipIsAUsageErrorNamingTheFile(@TempDir Path dir) throws Exception {
        byte[] whole = gzip(ndjson(50));
        Path file = Files.write(dir.resolve("cut.ndjson.gz"), Arrays.copyOf(whole, whole.length / 2));

        var result = harness().run("import", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("confcdr: cannot read " + file
                + ": the gzip data is damaged (it ends before the compressed data does)" + System.lineSeparator());
    }

    @Test
    void bytesThatAreNotUtf8AreAUsageErrorNotABug() {
        byte[] latin1 = "{\"call_sid\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);

        var result = harness().withStdin(latin1).run("import", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().toList()).last().asString()
                .startsWith("confcdr: cannot read stdin: not UTF-8 NDJSON (");
    }

    @Test
    void rejectionsAndTheirCountComeBeforeTheTotalsAndTheTime() {
        String bad = "{\"call_sid\":\"x\"}\n".repeat(12);

        var result = harness().withStdin(bad).run("import", "-");

        assertThat(result.exitCode()).isEqualTo(1);
        List<String> err = result.err().lines().toList();
        assertThat(err).hasSize(12);
        assertThat(err.subList(0, 10)).allSatisfy(line -> assertThat(line).startsWith("rejected line "));
        assertThat(err.get(10)).isEqualTo("… and 2 more rejected");
        assertThat(err.get(11)).matches("confcdr import: 12 records in \\d+\\.\\d s \\(\\d+ records/s\\)");
        assertThat(result.out()).isEqualTo("accepted 0, duplicates 0, rejected 12" + System.lineSeparator());
    }

    @Test
    void exportedRecordsCarryingDateInsertAreRefusedWithoutTheOption() {
        String exported = exportedRecords(2);

        var result = harness().withStdin(exported).run("import", "-");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("date_insert: is set by confcdr");
    }

    @Test
    void keepDateInsertImportsConfcdrsOwnExportWithThisStoresDateInsert() {
        var cli = harness();
        String exported = exportedRecords(3);

        var result = cli.withStdin(exported).run("import", "--keep-date-insert", "-");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("accepted 3, duplicates 0, rejected 0" + System.lineSeparator());
        // The exported date_insert (2020) is dropped: this store stamps when it received the record.
        assertThat(cli.storage.cdrs().find(records.call("call-1").build().callSid(), io.confcdr.query.Visibility.of(records.partnerSid())))
                .get().extracting(Cdr::dateInsert).isEqualTo(CliHarness.NOW);
    }

    /** Records as confcdr writes them when it reads them back: every attribute, date_insert included. */
    private String exportedRecords(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Cdr stored = records.call("call-" + i).build().toBuilder()
                    .dateInsert(java.time.Instant.parse("2020-01-01T00:00:00Z")).build();
            var text = new java.io.StringWriter();
            try (var generator = tools.jackson.databind.json.JsonMapper.builder().build().createGenerator(text)) {
                CdrJson.write(generator, stored, io.confcdr.model.FieldSelection.ALL);
            }
            lines.add(text.toString());
        }
        return String.join("\n", lines) + "\n";
    }
}
