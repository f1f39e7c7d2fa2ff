package io.confcdr.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Cuts the timeline into the buckets of an {@link Interval} in a zone; every instant lies in exactly one.
 * <ul>
 *   <li>{@code 1d}: a calendar day of the zone, from its first instant to the next day's (23 or 25 hours on
 *       a DST change).</li>
 *   <li>{@code 5m}, {@code 15m}, {@code 1h}: slices of that length starting where the zone's clock shows a
 *       multiple of the length (local hours in Asia/Kolkata start at :30 UTC). A change of the zone's UTC
 *       offset also ends a bucket, so buckets never overlap; for the usual whole-hour changes this never
 *       shortens one.</li>
 * </ul>
 */
final class Buckets {

    /** One bucket, in epoch milliseconds. */
    record Span(long from, long to) {
    }

    private final Interval interval;
    private final ZoneId zone;
    private final ZoneRules rules;

    Buckets(Interval interval, ZoneId zone) {
        this.interval = interval;
        this.zone = zone;
        this.rules = zone.getRules();
    }

    Span of(long millis) {
        Instant t = Instant.ofEpochMilli(millis);
        if (interval == Interval.DAY) {
            LocalDate day = LocalDate.ofInstant(t, zone);
            return new Span(day.atStartOfDay(zone).toInstant().toEpochMilli(),
                    day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
        long length = interval.length().toMillis();
        long offset = rules.getOffset(t).getTotalSeconds() * 1000L;
        long gridStart = millis - Math.floorMod(millis + offset, length);
        long from = gridStart;
        ZoneOffsetTransition previous = rules.previousTransition(t.plusNanos(1));
        if (previous != null) {
            from = Math.max(from, previous.getInstant().toEpochMilli());
        }
        long to = gridStart + length;
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochMilli(from));
        if (next != null) {
            to = Math.min(to, next.getInstant().toEpochMilli());
        }
        return new Span(from, to);
    }
}
