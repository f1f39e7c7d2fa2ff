package io.confcdr.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

class CdrJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static Cdr carrierxSample() {
        return Cdr.builder()
                .addressDst("\"15162065515\" <sip:15162065515@11.22.33.44>")
                .addressSrc("<sip:+17605692222@12.34.56.78")
                .bridge("conference-bridge")
                .callSid("69057c3e-bb90-4ed3-9c53-000000001142")
                .dateDisconnected(Instant.parse("2024-12-14T10:04:04Z"))
                .dateInsert(Instant.parse("2024-12-14T11:01:03.195Z"))
                .dateJoin(Instant.parse("2024-12-14T10:03:30Z"))
                .dateStart(Instant.parse("2024-12-14T10:03:14Z"))
                .dateStop(Instant.parse("2024-12-14T10:04:04Z"))
                .direction("inbound")
                .disconnectCause(16)
                .disconnectOriginator("src")
                .disconnectReason("Normal")
                .duration(Seconds.parse("50"))
                .durationMeeting(Seconds.parse("34"))
                .endpointSid("e3ddc435-7b07-4f3a-98d5-4fe9be107652")
                .meetingRoomSid("f752b4a5-b821-4322-a26f-db5cfbf014ab")
                .meetingSid("69057c3e-bb90-4ed3-9c53-000000000392")
                .node("11.22.33.44")
                .numberDst("15162065515")
                .numberSrc("+17605692222")
                .partnerSid("cee93bf3-5746-43fe-a1a2-822c05fef687")
                .role("host")
                .userAgent("CX-IVS-SBC")
                .build();
    }

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
