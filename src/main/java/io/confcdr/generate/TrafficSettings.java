package io.confcdr.generate;

import java.time.LocalDate;

/**
 * What to generate: the seed (same seed, same records) and the UTC date range the calls fall in.
 *
 * @param from first day (UTC) of the range
 * @param days length of the range; records are spread over it following business hours
 */
public record TrafficSettings(long seed, LocalDate from, int days) {

    /** A fixed default so that {@code generate} without options is reproducible. */
    public static final LocalDate DEFAULT_FROM = LocalDate.of(2024, 12, 2);
    public static final int DEFAULT_DAYS = 7;

    public TrafficSettings {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
    }

    public static TrafficSettings ofSeed(long seed) {
        return new TrafficSettings(seed, DEFAULT_FROM, DEFAULT_DAYS);
    }
}
