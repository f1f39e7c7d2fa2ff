package io.confcdr.store;

import io.confcdr.model.Cdr;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The reads of {@link SummaryStore}, all from one snapshot. Times are epoch milliseconds. */
public interface SummarySnapshot {

    /** A slot marked stale for a partner's records (and so for every subtree holding the partner). */
    record StaleSlot(String partnerSid, long slot) {
    }

    /** The earliest and latest date_start of any record, empty when there is none. */
    Optional<long[]> startRange();

    /** The distinct stale marks of these partners for slots in [from, to). */
    List<StaleSlot> staleSlots(Collection<String> partnerSids, long from, long to);

    /** The stored summaries of these subtrees (by root) spanning {@code slots} slots and starting in [from, to). */
    void summaries(Collection<String> scopes, int slots, long from, long to, BiConsumer<String, SlotSummary> sink);

    /**
     * The records of these partners starting in [from, to), each with only partner_sid, meeting_sid,
     * date_start, date_stop, date_join, disconnect_cause and duration set.
     */
    void legs(Collection<String> partnerSids, long from, long to, Consumer<Cdr> sink);

    /** For each of these meetings, the latest date_start before {@code before} of its records of these partners. */
    Map<String, Long> latestStarts(Collection<String> partnerSids, Collection<String> meetingSids, long before);

    /** Every partner's parent (null for a root), as this snapshot sees the tree. */
    Map<String, String> partnerParents();

    /** A bound on date_stop - date_start over every record stored: never below the longest. */
    long longestLegMillis();
}
