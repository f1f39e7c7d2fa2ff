package io.confcdr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ingest reads the wire form of a date by hand and leaves every other text to the ISO-8601 parser: the
 * fast path must read exactly what the ISO parser reads, and decline whatever it would reject.
 */
class TimestampsParseTest {

    private static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theWireFormIsReadAsTheIsoParserReadsIt(long seed) {
        var random = new SplittableRandom(seed);
        for (int i = 0; i < 2_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(FIRST, LAST + 1), random.nextInt(1000) * 1_000_000L);
            String text = Timestamps.format(instant);

            assertThat(Timestamps.parseWire(text)).as("seed %d: %s", seed, text)
                    .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant())
                    .isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.999Z", "2000-02-29T00:00:00.000Z", "0001-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59.999Z", "2024-12-14T10:03:14.000Z"})
    void calendarEdgesOfTheWireFormAreRead(String text) {
        assertThat(Timestamps.parseWire(text))
                .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00.000Z", "1900-02-29T10:00:00.000Z", "2024-04-31T10:00:00.000Z",
            "2024-13-01T10:00:00.000Z", "2024-00-10T10:00:00.000Z", "2024-12-00T10:00:00.000Z",
            "2024-12-14T24:00:00.000Z", "2024-12-14T10:60:00.000Z", "2024-12-14T10:03:60.000Z",
            "2024-12-14T10:03:1a.000Z", "2024-12-14 10:03:14.000Z", "２０２４-12-14T10:03:14.000Z",
            "+2024-12-14T10:03:14.00Z"})
    void textTheIsoParserRejectsIsDeclined(String text) {
        assertThat(Timestamps.parseWire(text)).isNull();
        assertThatThrownBy(() -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-12-14T10:03:14Z", "2024-12-14T10:03:14.5Z", "2024-12-14T10:03:14.000+00:00",
            "2024-12-14T12:03:14.000+02:00", "2024-12-14T10:03:14.123456Z", "2024-12-14T10:03:14.000z",
            "2024-12-14t10:03:14.000Z"})
    void otherIsoFormsAreLeftToTheGeneralParser(String text) {
        assertThat(Timestamps.parseWire(text)).isNull();
        assertThat(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)).isNotNull();
    }
}
