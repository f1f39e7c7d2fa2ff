package io.confcdr.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written formatting of dates and durations (it runs for every record written) agrees with
 * the straightforward library forms it replaces.
 */
class WireFormatTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void datesFormatLikeTheWireFormatter(long seed) {
        var random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L))
                    .plusNanos(random.nextInt(1_000_000));
            assertThat(Timestamps.format(instant)).as("seed %d, %s", seed, instant).isEqualTo(REFERENCE.format(instant));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void durationsWriteTheShortestExactDecimal(long seed) {
        var random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long micros = switch (i % 3) {
                case 0 -> random.nextLong(-10_000_000_000L, 10_000_000_000L);
                case 1 -> random.nextLong(-100_000, 100_000) * 1000;
                default -> random.nextLong(-1_000_000, 1_000_000);
            };
            String expected = BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
            assertThat(new Seconds(micros).toWire()).as("seed %d, %d µs", seed, micros).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} µs")
    @CsvSource({"50000000, 50", "4250000, 4.25", "4250150, 4.25015", "1, 0.000001", "-1500, -0.0015", "0, 0",
        "-9223372036854775808, -9223372036854.775808"})
    void durationsOfNote(long micros, String wire) {
        assertThat(new Seconds(micros).toWire()).isEqualTo(wire);
    }
}
