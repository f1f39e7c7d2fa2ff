package io.confcdr.store;

import java.util.Optional;
import java.util.function.Function;

/**
 * The slot summaries a store keeps per partner subtree ({@link SlotSummary}), and the marks of the slots
 * whose summaries may be stale. Every write of records marks, in its own transaction, the slots it may
 * change, for the partner of each record written (a mark of partner p stands for every subtree holding p);
 * a refresh recomputes marked slots from the records and clears the marks it read, in one transaction. So
 * a reader's snapshot always holds summaries that are exact except in marked slots, which the reader
 * computes from the records of that same snapshot. What to compute is the application's
 * ({@code report.SummaryRefresh}, {@code report.SummaryReading}); the store only reads and writes.
 */
public interface SummaryStore {

    /** A store that keeps no summaries (memory): reports take another path. */
    SummaryStore NONE = new SummaryStore() {
        @Override
        public boolean keepsSummaries() {
            return false;
        }

        @Override
        public <T> T read(Function<SummarySnapshot, T> work) {
            throw new UnsupportedOperationException("this store keeps no summaries");
        }

        @Override
        public <T> Optional<T> refresh(Function<SummaryWriter, T> work) {
            throw new UnsupportedOperationException("this store keeps no summaries");
        }
    };

    boolean keepsSummaries();

    /** Runs {@code work} on one snapshot of the store. */
    <T> T read(Function<SummarySnapshot, T> work);

    /**
     * Runs {@code work} in one write transaction, alone among refreshes (also those of other processes on
     * the same database): what it reads is the state it writes over. Empty, without running it, when
     * another refresh runs at the time: that one does the work.
     */
    <T> Optional<T> refresh(Function<SummaryWriter, T> work);
}
