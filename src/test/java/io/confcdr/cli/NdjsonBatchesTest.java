package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonBatchesTest {

    private static List<NdjsonBatches.Batch> split(String text, int maxRecords, int maxBytes) {
        var batches = new NdjsonBatches(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                maxRecords, maxBytes);
        List<NdjsonBatches.Batch> all = new ArrayList<>();
        batches.forEachRemaining(all::add);
        return all;
    }

    private static String body(NdjsonBatches.Batch batch) {
        return new String(batch.body(), StandardCharsets.UTF_8);
    }

    @Test
    void splitsIntoBatchesOfAtMostTheGivenNumberOfRecords() {
        var batches = split("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n", 2, 1 << 20);

        assertThat(batches).extracting(NdjsonBatchesTest::body).containsExactly("{\"n\":1}\n{\"n\":2}\n", "{\"n\":3}\n");
    }

    @Test
    void remembersTheInputLineOfEachRecordAcrossBlankLines() {
        var batches = split("\n{\"n\":1}\r\n \t\n{\"n\":2}\n\n{\"n\":3}", 2, 1 << 20);

        assertThat(batches).extracting(NdjsonBatches.Batch::lineNumbers)
                .containsExactly(new long[] {2, 4}, new long[] {6});
        assertThat(body(batches.get(1))).isEqualTo("{\"n\":3}\n");
    }

    @Test
    void closesABatchEarlyWhenItGrowsPastTheByteLimit() {
        var batches = split("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n", 100, 10);

        assertThat(batches).hasSize(2);
        assertThat(batches.getFirst().size()).isEqualTo(2);
    }

    @Test
    void keepsLinesLongerThanTheReadBufferWhole() {
        String longValue = "é".repeat(100_000);
        var batches = split("{\"v\":\"" + longValue + "\"}\n{\"n\":2}\n", 10, 1 << 22);

        assertThat(body(batches.getFirst())).isEqualTo("{\"v\":\"" + longValue + "\"}\n{\"n\":2}\n");
    }

    @Test
    void anEmptyInputHasNoBatches() {
        assertThat(split("\n\n", 10, 100)).isEmpty();
    }
}
