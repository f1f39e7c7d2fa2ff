package io.confcdr.store;

/**
 * What the legs of one partner subtree that start within one span of UTC time (a 15-minute slot, or a UTC
 * day of {@link #DAY_SLOTS} slots) add to a usage report, kept so that a report on the subtree reads no
 * legs. The sums add up across spans. Distinct meetings and peak concurrency do not: both depend on where
 * the report's group begins (a slot boundary at or before {@code start}), given as {@code j}, the number of
 * slots from the group's start to the span's:
 * <ul>
 *   <li>{@code peak[j]}: the most legs up at one instant t within the span, among the legs that started
 *       in [start - j slots, t];</li>
 *   <li>{@code meetings[j]}: the meetings with a leg starting within the span and none starting in the j
 *       slots before it.</li>
 * </ul>
 * A group's peak is the largest of its spans' values and its meetings their sum (each meeting is counted in
 * the first span holding one of its legs). An array stops where its values stop changing: index j reads
 * {@code min(j, length - 1)}. Arrays are shared, not copied: never modify one.
 */
public record SlotSummary(long start, int slots, long legs, long selfLegs, long joinedLegs, long failedLegs,
        long durationMicros, long billableMinutes, int[] peak, int[] meetings) {

    /** The slots of a UTC day. */
    public static final int DAY_SLOTS = 96;
    /** A group start before every record: every array reads its last value. */
    public static final long UNBOUNDED = Long.MIN_VALUE;

    public SlotSummary {
        if (peak.length == 0 || meetings.length == 0) {
            throw new IllegalArgumentException("a summary's arrays hold at least one value");
        }
    }

    public long end() {
        return start + slots * UsageCell.SLOT_MILLIS;
    }

    /** The peak of this span's legs for a group starting at {@code groupStart} (a slot boundary, or {@link #UNBOUNDED}). */
    public int peakFrom(long groupStart) {
        return peak[index(peak, groupStart)];
    }

    /** The meetings this span adds to a group starting at {@code groupStart}. */
    public int meetingsFrom(long groupStart) {
        return meetings[index(meetings, groupStart)];
    }

    private int index(int[] values, long groupStart) {
        if (groupStart == UNBOUNDED) {
            return values.length - 1;
        }
        long j = (start - groupStart) / UsageCell.SLOT_MILLIS;
        if (j < 0) {
            throw new IllegalArgumentException("a group starts at or before its spans");
        }
        return (int) Math.min(j, values.length - 1);
    }
}
