package io.confcdr.store;

import java.util.List;

/** A refresh's transaction: the reads of a snapshot, plus the marks to work through and the writes. */
public interface SummaryWriter extends SummarySnapshot {

    /** A stale mark as stored: {@code id} tells it from a mark of the same slot written later. */
    record Mark(long id, String partnerSid, long slot) {
    }

    /**
     * The marks of the earliest UTC days marked, every mark of each day, as many days as it takes to reach
     * {@code max} marks (a refresh recomputes a subtree's day in one run: a day split over two rounds would
     * be recomputed twice).
     */
    List<Mark> marks(int max);

    /**
     * Replaces the summaries of subtree {@code scope} spanning {@code slots} slots and starting in
     * [from, to) with {@code summaries} (those of slots without a leg start are simply absent).
     */
    void replace(String scope, int slots, long from, long to, List<SlotSummary> summaries);

    /** Deletes exactly these marks (not any written since they were read). */
    void clear(List<Mark> marks);
}
