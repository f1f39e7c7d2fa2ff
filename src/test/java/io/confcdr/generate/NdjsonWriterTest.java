package io.confcdr.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.CdrJson;
import io.confcdr.model.Seconds;
import io.confcdr.store.TestRecords;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NdjsonWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The CarrierX sample with a caller whose name needs quoting and escaping, and odd milliseconds. */
    private static Cdr trickyRecord() {
        return TestRecords.carrierxSample().toBuilder()
                .addressSrc("\"O\\\"Brien, \\\\ 张伟 🎧\" <sip:+17605692222@12.34.56.78>;tag=8f3a")
                .customName("Zoë 🎧")
                .dateDisconnected(Instant.parse("2024-12-14T10:04:04.250Z"))
                .dateStop(Instant.parse("2024-12-14T10:04:04.250Z"))
                .duration(Seconds.parse("50.25"))
                .durationMeeting(Seconds.parse("34.25"))
                .build();
    }

    private static String write(List<Cdr> records) {
        var out = new ByteArrayOutputStream();
        try (var writer = new NdjsonWriter(out)) {
            records.forEach(writer::write);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneLinePerRecordEachEndingInANewline() {
        List<Cdr> records = new TrafficGenerator(TrafficSettings.ofSeed(3)).stream(50).toList();

        String text = write(records);

        assertThat(text).endsWith("}\n");
        assertThat(text.lines()).hasSize(50);
    }

    @Test
    void everyLineIsAnObjectWithEveryAttributeButDateInsert() {
        String text = write(List.of(trickyRecord(), trickyRecord().toBuilder().callSid("other").build()));

        for (String line : text.lines().toList()) {
            JsonNode node = JSON.readTree(line);
            List<String> expected = Arrays.stream(CdrField.values()).filter(f -> f != CdrField.DATE_INSERT)
                    .map(CdrField::wireName).toList();
            assertThat(node.propertyNames()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aLineIsByteIdenticalToCdrJsonWithoutDateInsert() {
        var expected = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(expected)) {
            CdrJson.write(generator, trickyRecord(), NdjsonWriter.INGEST_FIELDS);
        }

        assertThat(write(List.of(trickyRecord())))
                .isEqualTo(expected.toString(StandardCharsets.UTF_8) + "\n")
                .contains("O\\\\\\\"Brien").contains("张伟 🎧");
    }

    @Test
    void closingFlushesButLeavesTheTargetOpen() {
        var closed = new boolean[1];
        var target = new FilterOutputStream(new ByteArrayOutputStream()) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        try (var writer = new NdjsonWriter(target)) {
            writer.write(trickyRecord());
        }

        assertThat(closed[0]).isFalse();
    }

    @Test
    void noRecordsWritesNothing() {
        assertThat(write(List.of())).isEmpty();
    }
}
