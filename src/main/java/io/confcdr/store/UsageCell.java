package io.confcdr.store;

import java.time.Instant;

/**
 * The additive usage measures of the visible legs sharing one partner, one 15-minute UTC slot of
 * date_start ({@code slot}, its first instant) and one value of each kept dimension. Exact: durations in
 * microseconds, billable minutes as each leg's duration rounded up to a minute, summed.
 */
public record UsageCell(String partnerSid, Instant slot, String direction, String role, Integer disconnectCause,
        String customCallType, long legs, long joinedLegs, long failedLegs, long durationMicros, long billableMinutes) {

    /** The slot length: every usage cell covers legs starting within one such slice of UTC time. */
    public static final long SLOT_MILLIS = 15 * 60_000L;
}
