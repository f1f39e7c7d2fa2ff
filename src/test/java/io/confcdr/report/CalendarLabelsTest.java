package io.confcdr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The remembered label of {@link CalendarLabels} is never stale: instants walked forward, backward and at
 * random across clock changes (whole-hour DST, Lord Howe's half-hour DST, +05:45) get the label a fresh
 * conversion gives.
 */
class CalendarLabelsTest {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    static Stream<String> zones() {
        return Stream.of("UTC", "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
                "Asia/Kolkata", "Pacific/Chatham");
    }

    @ParameterizedTest
    @MethodSource("zones")
    void everyLabelEqualsAFreshConversionAcrossClockChanges(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        long yearMillis = ChronoUnit.DAYS.getDuration().toMillis() * 366;
        var random = new Random(zoneName.hashCode());
        for (var unitAndFormat : new Object[][] {{ChronoUnit.HOURS, HOUR}, {ChronoUnit.DAYS, DAY}, {ChronoUnit.MONTHS, MONTH}}) {
            var labels = new CalendarLabels((ChronoUnit) unitAndFormat[0], (DateTimeFormatter) unitAndFormat[1], zone);
            DateTimeFormatter format = (DateTimeFormatter) unitAndFormat[1];
            // Forward in 13-minute steps, then backward, then at random: hits, misses and returns to an old span.
            for (long t = 0; t < yearMillis; t += 13 * 60_000) {
                assertLabel(labels, format, zone, from.plusMillis(t));
            }
            for (long t = yearMillis; t > 0; t -= 17 * 60_000 + 1) {
                assertLabel(labels, format, zone, from.plusMillis(t));
            }
            for (int i = 0; i < 20_000; i++) {
                assertLabel(labels, format, zone, from.plusMillis(Math.floorMod(random.nextLong(), yearMillis)));
            }
        }
    }

    private static void assertLabel(CalendarLabels labels, DateTimeFormatter format, ZoneId zone, Instant instant) {
        assertEquals(format.format(instant.atZone(zone)), labels.labelOf(instant), () -> instant + " in " + zone);
    }
}
