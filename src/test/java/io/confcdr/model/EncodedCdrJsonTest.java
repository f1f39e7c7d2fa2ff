package io.confcdr.model;

import static io.confcdr.store.TestRecords.carrierxSample;
import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.store.TestRecords;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@link EncodedCdrJson} writes an {@link EncodedCdr} (text as UTF-8 bytes, as the export reads it) byte
 * for byte as {@link CdrJson} writes the {@link Cdr} it encodes through Jackson, whatever its text holds:
 * the export's lines stay the list route's items.
 */
class EncodedCdrJsonTest {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static byte[] written(Cdr cdr, FieldSelection selection) {
        var out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            CdrJson.write(generator, cdr, selection);
        }
        return out.toByteArray();
    }

    private static byte[] writtenEncoded(Cdr cdr, FieldSelection selection) {
        var out = new ByteArrayOutputStream();
        var json = new EncodedCdrJson(out, selection);
        json.write(EncodedCdr.of(cdr));
        json.flush();
        return out.toByteArray();
    }

    private static void assertWrittenAlike(Cdr cdr) {
        assertThat(new String(writtenEncoded(cdr, FieldSelection.ALL), StandardCharsets.UTF_8))
                .isEqualTo(new String(written(cdr, FieldSelection.ALL), StandardCharsets.UTF_8));
        assertThat(writtenEncoded(cdr, FieldSelection.ALL)).isEqualTo(written(cdr, FieldSelection.ALL));
    }

    @Test
    void theCarrierxSampleEncodedIsWrittenAsTheRecord() {
        assertWrittenAlike(carrierxSample());
        assertWrittenAlike(TestRecords.withNulls(carrierxSample()));
    }

    @Test
    void aSelectionOfAnEncodedRecordIsWrittenAsTheRecordsSelection() {
        var selection = new FieldSelection(EnumSet.of(CdrField.ROLE, CdrField.CALL_SID, CdrField.DATE_STOP, CdrField.DURATION));
        assertThat(writtenEncoded(carrierxSample(), selection)).isEqualTo(written(carrierxSample(), selection));
        var none = new FieldSelection(EnumSet.noneOf(CdrField.class));
        assertThat(writtenEncoded(carrierxSample(), none)).isEqualTo(written(carrierxSample(), none));
    }

    @Test
    void textNeedingEscapesOrOutsideAsciiIsWrittenAsTheRecordWritesIt() {
        List<String> texts = List.of("", "\"quoted\" \\ back/slash", "\u0001\u0008\t\n\u000b\f\r\u001f\u007f",
                "Zoë, 日本語, \uD83D\uDE00 emoji", "\u2028\u2029 separators", "</script>", "\u00a0\u0080\u07ff\u0800\uffff",
                "a".repeat(5000) + "\"" + "é".repeat(3000));
        for (String text : texts) {
            assertWrittenAlike(carrierxSample().toBuilder().customName(text).userAgent(text + "x").build());
        }
    }

    @Test
    void everyAsciiCharacterAtEveryPlaceOfAnEightByteBlockIsWrittenAsTheRecordWritesIt() {
        for (char c = 1; c < 0x80; c++) {
            for (int before = 0; before < 17; before++) {
                String plain = "a".repeat(before) + c + "b".repeat(16 - before);
                String mixed = "é".repeat(before / 2) + (before % 2 == 0 ? "" : "x") + c + "\u00ff".repeat(8);
                assertWrittenAlike(carrierxSample().toBuilder().customName(plain).userAgent(mixed).build());
            }
        }
    }

    @Test
    void everyCodePointIsWrittenAsTheRecordWritesIt() {
        var text = new StringBuilder();
        for (int codePoint = 1; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (!Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF) {
                text.appendCodePoint(codePoint);
            }
            if (text.length() > 10_000 || codePoint == Character.MAX_CODE_POINT) {
                assertWrittenAlike(carrierxSample().toBuilder().customName(text.toString()).build());
                text.setLength(0);
            }
        }
    }

    @Test
    void randomTextIsWrittenAsTheRecordWritesIt() {
        var random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            var text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                int codePoint = switch (random.nextInt(4)) {
                    case 0 -> 1 + random.nextInt(0x7F);
                    case 1 -> 0x80 + random.nextInt(0x780);
                    case 2 -> 0xE000 + random.nextInt(0x2000);
                    default -> 0x10000 + random.nextInt(0x100000);
                };
                text.appendCodePoint(codePoint);
            }
            assertWrittenAlike(carrierxSample().toBuilder().addressDst(text.toString()).build());
        }
    }

    @Test
    void datesOnEitherSideOfTheEpochAndBeyondFourDigitYearsAreWrittenAsTheRecordWritesThem() {
        for (String date : List.of("1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00.001Z",
                "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-0001-06-01T12:00:00.5Z", "2024-02-29T23:59:59.123456789Z")) {
            Instant instant = Instant.parse(date);
            assertWrittenAlike(carrierxSample().toBuilder().dateStart(instant).dateJoin(instant).dateInsert(instant).build());
        }
    }

    @Test
    void durationsAndCausesAreWrittenAsTheRecordWritesThem() {
        assertWrittenAlike(carrierxSample().toBuilder().duration(Seconds.parse("4.25015")).durationMeeting(new Seconds(-1))
                .disconnectCause(-7).build());
        assertWrittenAlike(carrierxSample().toBuilder().duration(new Seconds(Long.MIN_VALUE)).disconnectCause(null).build());
    }

    @Test
    void textWhoseEscapedFormExceedsTheBufferIsWrittenAsTheRecordWritesIt() {
        String controls = "\u0001\"".repeat(EncodedCdrJson.BUFFER / 4);
        assertWrittenAlike(carrierxSample().toBuilder().customName(controls).userAgent("é" + controls).build());
    }

    @Test
    void recordsWrittenOneAfterAnotherAcrossBufferAndDayBoundariesAreWrittenAsEachAlone() {
        var random = new Random(7);
        var expected = new ByteArrayOutputStream();
        var out = new ByteArrayOutputStream();
        var json = new EncodedCdrJson(out, FieldSelection.ALL);
        for (int i = 0; i < 500; i++) {
            Instant date = Instant.ofEpochMilli(random.nextLong(-3_000_000_000_000L, 3_000_000_000_000L));
            Cdr cdr = carrierxSample().toBuilder().customName("\"\u0002".repeat(random.nextInt(300)) + "é".repeat(random.nextInt(200)))
                    .dateStart(date).dateJoin(date.plusMillis(random.nextInt(100_000_000))).build();
            expected.writeBytes(written(cdr, FieldSelection.ALL));
            expected.write('\n');
            json.write(EncodedCdr.of(cdr));
            json.writeByte((byte) '\n');
        }
        json.flush();

        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void anEncodedRecordDecodesToTheRecordItEncodes() {
        Cdr record = carrierxSample().toBuilder().customName("Zoë \uD83D\uDE00").build();
        EncodedCdr encoded = EncodedCdr.of(record);

        assertThat(encoded.toCdr()).isEqualTo(record);
        assertThat(encoded.get(CdrField.CUSTOM_NAME)).isEqualTo("Zoë \uD83D\uDE00");
        assertThat(encoded.encoded(CdrField.CUSTOM_NAME)).isEqualTo("Zoë \uD83D\uDE00".getBytes(StandardCharsets.UTF_8));
        assertThat(encoded.get(CdrField.DATE_START)).isEqualTo(record.dateStart());
        assertThat(EncodedCdr.of(TestRecords.withNulls(record)).toCdr()).isEqualTo(TestRecords.withNulls(record));
        assertThat(encoded).isEqualTo(EncodedCdr.of(record)).hasSameHashCodeAs(EncodedCdr.of(record));
    }
}
