package io.confcdr.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The sequence numbers an ingest source has sent, as disjoint ranges that never touch, lowest first: the
 * arithmetic shared by every store and by the sources route. Pure; a source of ten million records sent in
 * order is one range, whatever order its batches arrived in once the gaps are filled.
 *
 * <p>It lives in {@code model} rather than {@code ingest} because the stores merge ranges inside their
 * transaction and the store layer must not depend on a use case (as {@link MeetingSummary}).
 */
public final class SequenceRanges {

    private final List<SequenceRange> ranges;

    private SequenceRanges(List<SequenceRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Nothing received yet. */
    public static SequenceRanges none() {
        return new SequenceRanges(List.of());
    }

    /** Ranges as stored: any order, but disjoint and non-touching (checked, since a store bug would show here). */
    public static SequenceRanges of(List<SequenceRange> stored) {
        List<SequenceRange> sorted = stored.stream()
                .sorted(java.util.Comparator.comparingLong(SequenceRange::first)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).touches(sorted.get(i - 1))) {
                throw new IllegalStateException("stored ranges overlap or touch: " + sorted.get(i - 1) + ", " + sorted.get(i));
            }
        }
        return new SequenceRanges(sorted);
    }

    /** These ranges with {@code received} added, merged with every range it overlaps or touches. */
    public SequenceRanges plus(SequenceRange received) {
        List<SequenceRange> result = new ArrayList<>(ranges.size() + 1);
        SequenceRange merged = received;
        boolean placed = false;
        for (SequenceRange range : ranges) {
            if (range.touches(merged)) {
                merged = span(range, merged);
            } else if (range.last() < merged.first()) {
                result.add(range);
            } else {
                if (!placed) {
                    result.add(merged);
                    placed = true;
                }
                result.add(range);
            }
        }
        if (!placed) {
            result.add(merged);
        }
        return new SequenceRanges(result);
    }

    /**
     * The single range that replaces {@code received} and the stored {@code touching} ranges (those for which
     * {@link SequenceRange#touches} holds): what a store writes after deleting them.
     */
    public static SequenceRange merged(SequenceRange received, List<SequenceRange> touching) {
        SequenceRange merged = received;
        for (SequenceRange range : touching) {
            if (!range.touches(received)) {
                throw new IllegalArgumentException(range + " does not touch " + received);
            }
            merged = span(merged, range);
        }
        return merged;
    }

    private static SequenceRange span(SequenceRange a, SequenceRange b) {
        return new SequenceRange(Math.min(a.first(), b.first()), Math.max(a.last(), b.last()));
    }

    /** Lowest first. */
    public List<SequenceRange> ranges() {
        return ranges;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** How many distinct numbers were received: a number received twice counts once. */
    public long count() {
        return ranges.stream().mapToLong(SequenceRange::size).sum();
    }

    /** The highest number received; -1 when none was. */
    public long highest() {
        return ranges.isEmpty() ? -1 : ranges.getLast().last();
    }

    /** The numbers never received between the lowest and the highest received, lowest first. */
    public List<SequenceRange> missing() {
        List<SequenceRange> gaps = new ArrayList<>(Math.max(0, ranges.size() - 1));
        for (int i = 1; i < ranges.size(); i++) {
            gaps.add(new SequenceRange(ranges.get(i - 1).last() + 1, ranges.get(i).first() - 1));
        }
        return gaps;
    }

    /** How many gaps there are: one fewer than the ranges, as ranges never touch. */
    public int gapCount() {
        return Math.max(0, ranges.size() - 1);
    }
}
