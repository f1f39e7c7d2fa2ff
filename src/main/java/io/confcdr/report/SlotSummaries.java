package io.confcdr.report;

import io.confcdr.model.Cdr;
import io.confcdr.store.SlotSummary;
import io.confcdr.store.UsageCell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes {@link SlotSummary slot summaries} from legs, and composes them into day summaries and report
 * groups. Pure: the reads are the caller's ({@link SummaryReading}, {@link SummaryRefresh}).
 */
final class SlotSummaries {

    private static final long SLOT = UsageCell.SLOT_MILLIS;
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final Comparator<Cdr> BY_START = Comparator.comparing(Cdr::dateStart);
    /**
     * The longest group the arrays are exact for, in slots (100 days). A leg up, or a meeting's earlier
     * start, further back than that counts as this far back: exact for every group shorter than this (any
     * hour, day or month), and it keeps arrays short when a record spans years.
     */
    static final int MAX_AGE = 100 * SlotSummary.DAY_SLOTS;

    private SlotSummaries() {
    }

    /**
     * The summaries of the slots of [from, to) that hold a leg start, for the subtree rooted at {@code root}.
     *
     * @param legs        every leg of the subtree starting in [from - the longest leg, to), in any order: those
     *                    before {@code from} count only as legs still up
     * @param priorStarts for each meeting among the legs from {@code from} on, the latest start before
     *                    {@code from} of its legs in the subtree (absent: none)
     */
    static List<SlotSummary> slots(String root, long from, long to, Collection<Cdr> legs, Map<String, Long> priorStarts) {
        List<Cdr> sorted = new ArrayList<>(legs);
        sorted.sort(BY_START);
        List<Cdr> up = new ArrayList<>();
        for (Cdr leg : sorted) {
            if (millis(leg.dateStop()) > millis(leg.dateStart())) {
                up.add(leg);
            }
        }
        Map<String, Long> lastStart = new HashMap<>(priorStarts);
        List<SlotSummary> summaries = new ArrayList<>();
        List<Cdr> active = new ArrayList<>();
        int nextUp = 0;
        int i = 0;
        while (i < sorted.size() && millis(sorted.get(i).dateStart()) < from) {
            i++;
        }
        while (i < sorted.size() && millis(sorted.get(i).dateStart()) < to) {
            long slot = slotOf(millis(sorted.get(i).dateStart()));
            int end = i;
            while (end < sorted.size() && millis(sorted.get(end).dateStart()) < slot + SLOT) {
                end++;
            }
            List<Cdr> starting = sorted.subList(i, end);
            while (nextUp < up.size() && millis(up.get(nextUp).dateStart()) < slot) {
                active.add(up.get(nextUp++));
            }
            active.removeIf(leg -> millis(leg.dateStop()) <= slot);
            summaries.add(summary(root, slot, starting, active, lastStart));
            for (Cdr leg : starting) {
                if (leg.meetingSid() != null) {
                    lastStart.merge(leg.meetingSid(), millis(leg.dateStart()), Math::max);
                }
            }
            i = end;
        }
        return summaries;
    }

    /**
     * @param starting the legs starting in the slot, by start
     * @param active   the legs of positive length started before the slot and still up at its start
     */
    private static SlotSummary summary(String root, long slot, List<Cdr> starting, List<Cdr> active,
            Map<String, Long> lastStart) {
        long legs = 0;
        long self = 0;
        long joined = 0;
        long failed = 0;
        long micros = 0;
        long billable = 0;
        for (Cdr leg : starting) {
            legs++;
            self += root.equals(leg.partnerSid()) ? 1 : 0;
            joined += leg.dateJoin() != null ? 1 : 0;
            failed += leg.disconnectCause() != null && leg.disconnectCause() != Tally.NORMAL_CLEARING ? 1 : 0;
            long duration = leg.duration() == null ? 0 : leg.duration().micros();
            micros = Math.addExact(micros, duration);
            billable += Math.ceilDiv(duration, MICROS_PER_MINUTE);
        }
        return new SlotSummary(slot, 1, legs, self, joined, failed, micros, billable, peak(slot, starting, active),
                meetings(slot, starting, lastStart));
    }

    /**
     * peak[j] for j up to the oldest class among the legs up: a sweep over the slot's starts (the most legs
     * up is always reached at a start), stops first on ties, with the legs up counted by class (the slots
     * between the slot's start and theirs, rounded up; 0 for a leg starting in the slot).
     */
    private static int[] peak(long slot, List<Cdr> starting, List<Cdr> active) {
        int oldest = 0;
        List<long[]> stops = new ArrayList<>(active.size() + starting.size());
        for (Cdr leg : active) {
            int age = (int) Math.min(MAX_AGE, Math.ceilDiv(slot - millis(leg.dateStart()), SLOT));
            oldest = Math.max(oldest, age);
            stops.add(new long[] {millis(leg.dateStop()), age});
        }
        int[] counts = new int[oldest + 1];
        for (long[] stop : stops) {
            counts[(int) stop[1]]++;
        }
        List<Cdr> startingUp = starting.stream().filter(leg -> millis(leg.dateStop()) > millis(leg.dateStart())).toList();
        for (Cdr leg : startingUp) {
            stops.add(new long[] {millis(leg.dateStop()), 0});
        }
        stops.sort(Comparator.comparingLong(stop -> stop[0]));
        int[] peak = new int[oldest + 1];
        int stopped = 0;
        for (Cdr leg : startingUp) {
            long at = millis(leg.dateStart());
            while (stopped < stops.size() && stops.get(stopped)[0] <= at) {
                counts[(int) stops.get(stopped++)[1]]--;
            }
            counts[0]++;
            int up = 0;
            for (int j = 0; j <= oldest; j++) {
                up += counts[j];
                peak[j] = Math.max(peak[j], up);
            }
        }
        return trimmed(peak);
    }

    /** meetings[j]: the slot's meetings whose latest earlier start lies more than j slots back (or nowhere). */
    private static int[] meetings(long slot, List<Cdr> starting, Map<String, Long> lastStart) {
        Set<String> seen = new HashSet<>();
        List<Integer> ages = new ArrayList<>();
        int never = 0;
        int oldest = 0;
        for (Cdr leg : starting) {
            if (leg.meetingSid() == null || !seen.add(leg.meetingSid())) {
                continue;
            }
            Long previous = lastStart.get(leg.meetingSid());
            if (previous == null) {
                never++;
            } else {
                int age = (int) Math.min(MAX_AGE, Math.ceilDiv(slot - previous, SLOT));
                ages.add(age);
                oldest = Math.max(oldest, age);
            }
        }
        // A meeting whose previous start is `age` slots back counts for every j below age.
        int[] meetings = new int[oldest + 1];
        for (int age : ages) {
            for (int j = 0; j < age; j++) {
                meetings[j]++;
            }
        }
        for (int j = 0; j <= oldest; j++) {
            meetings[j] += never;
        }
        return trimmed(meetings);
    }

    /** The summary of one UTC day from the summaries of its slots (those holding a leg start). */
    static SlotSummary day(long dayStart, List<SlotSummary> slots) {
        long legs = 0;
        long self = 0;
        long joined = 0;
        long failed = 0;
        long micros = 0;
        long billable = 0;
        int stable = 0;
        for (SlotSummary slot : slots) {
            if (slot.slots() != 1 || slot.start() < dayStart || slot.start() >= dayStart + SlotSummary.DAY_SLOTS * SLOT) {
                throw new IllegalArgumentException("not a slot of the day starting at " + dayStart);
            }
            legs += slot.legs();
            self += slot.selfLegs();
            joined += slot.joinedLegs();
            failed += slot.failedLegs();
            micros = Math.addExact(micros, slot.durationMicros());
            billable += slot.billableMinutes();
            int offset = (int) ((slot.start() - dayStart) / SLOT);
            stable = Math.max(stable, Math.max(slot.peak().length, slot.meetings().length) - 1 - offset);
        }
        int[] peak = new int[stable + 1];
        int[] meetings = new int[stable + 1];
        for (int j = 0; j <= stable; j++) {
            long groupStart = dayStart - j * SLOT;
            for (SlotSummary slot : slots) {
                peak[j] = Math.max(peak[j], slot.peakFrom(groupStart));
                meetings[j] += slot.meetingsFrom(groupStart);
            }
        }
        return new SlotSummary(dayStart, SlotSummary.DAY_SLOTS, legs, self, joined, failed, micros, billable,
                trimmed(peak), trimmed(meetings));
    }

    static long slotOf(long millis) {
        return millis - Math.floorMod(millis, SLOT);
    }

    static long dayOf(long millis) {
        return millis - Math.floorMod(millis, SlotSummary.DAY_SLOTS * SLOT);
    }

    private static long millis(java.time.Instant instant) {
        return instant.toEpochMilli();
    }

    private static int[] trimmed(int[] values) {
        int length = values.length;
        while (length > 1 && values[length - 1] == values[length - 2]) {
            length--;
        }
        return length == values.length ? values : Arrays.copyOf(values, length);
    }

    /** The measures of one report group, from the summaries of the spans it covers. */
    static final class Group {

        private long legs;
        private long self;
        private long joined;
        private long failed;
        private long meetings;
        private long peak;
        private final ExactSum micros = new ExactSum();
        private final ExactSum billable = new ExactSum();

        /** @param groupStart where the group begins in time: a slot boundary at or before the span, or {@link SlotSummary#UNBOUNDED} */
        void add(SlotSummary span, long groupStart) {
            legs += span.legs();
            self += span.selfLegs();
            joined += span.joinedLegs();
            failed += span.failedLegs();
            micros.add(span.durationMicros());
            billable.add(span.billableMinutes());
            meetings += span.meetingsFrom(groupStart);
            peak = Math.max(peak, span.peakFrom(groupStart));
        }

        Measures measures(boolean withSelfLegs) {
            return new Measures(legs, meetings, Tally.minutes(micros.value()), billable.value(), joined, failed, peak,
                    withSelfLegs ? self : null);
        }
    }
}
