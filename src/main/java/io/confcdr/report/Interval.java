package io.confcdr.report;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The width of a concurrency bucket: a fixed length, or one calendar day of the report's zone. */
public enum Interval {
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    HOUR("1h", Duration.ofHours(1)),
    DAY("1d", null);

    private final String wireName;
    private final Duration length;

    Interval(String wireName, Duration length) {
        this.wireName = wireName;
        this.length = length;
    }

    public String wireName() {
        return wireName;
    }

    /** The fixed length, or null for a calendar day (23, 24 or 25 hours). */
    Duration length() {
        return length;
    }

    public static Optional<Interval> byWireName(String name) {
        return Arrays.stream(values()).filter(interval -> interval.wireName.equals(name)).findFirst();
    }
}
