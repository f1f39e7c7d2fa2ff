package io.confcdr.model;

import static io.confcdr.store.TestRecords.carrierxSample;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

class CdrJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static String write(Cdr cdr, FieldSelection selection) {
        var out = new StringWriter();
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            CdrJson.write(generator, cdr, selection);
        }
        return out.toString();
    }

    @Test
    void carrierxSampleIsWrittenByteForByte() throws Exception {
        String expected;
        try (var in = getClass().getResourceAsStream("/carrierx-sample.json")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertThat(write(carrierxSample(), FieldSelection.ALL)).isEqualTo(expected);
    }

    @Test
    void selectionKeepsAlphabeticalOrderWhateverOrderItWasAskedIn() {
        var selection = new FieldSelection(EnumSet.of(CdrField.ROLE, CdrField.CALL_SID, CdrField.DURATION));
        assertThat(write(carrierxSample(), selection))
                .isEqualTo("{\"call_sid\":\"69057c3e-bb90-4ed3-9c53-000000001142\",\"duration\":\"50\",\"role\":\"host\"}");
    }

    @Test
    void durationsUseTheShortestExactDecimal() {
        assertThat(Seconds.parse("4.250").toWire()).isEqualTo("4.25");
        assertThat(Seconds.parse("4.25015").toWire()).isEqualTo("4.25015");
        assertThat(Seconds.parse("0.000").toWire()).isEqualTo("0");
        assertThat(Seconds.ofMillis(50_000).toWire()).isEqualTo("50");
    }

    @Test
    void fieldsAreDeclaredInAlphabeticalOrderOfTheirWireNames() {
        var names = EnumSet.allOf(CdrField.class).stream().map(CdrField::wireName).toList();
        assertThat(names).isSorted().hasSize(27);
    }
}
