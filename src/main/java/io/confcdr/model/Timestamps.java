package io.confcdr.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one date format of the wire: {@code YYYY-MM-DDTHH:MM:SS.mmmZ}, always UTC, always milliseconds. */
public final class Timestamps {

    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return WIRE.format(instant);
    }

    /** Dates are kept at the precision they are written with, so reading back gives what was stored. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
