package io.confcdr.store;

import io.confcdr.model.Cdr;
import io.confcdr.model.SequenceRange;
import io.confcdr.model.SequenceRanges;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sequence numbers each ingest source has sent, kept as merged ranges. The numbers of a batch are
 * recorded in the transaction that stores its records, so after any crash the two agree: a batch either
 * committed with its numbers or left neither behind.
 */
public interface SourceStore {

    /** The partner a source belongs to (the sending token's; {@link #OPERATOR} for the CLI) and its name. */
    record Source(String owner, String name) {
    }

    /** The owner of sources named by the operator at the CLI: no partner's sid is empty. */
    String OPERATOR = "";

    /** A source as of now: the numbers received and when a batch of it last committed. */
    record SourceState(Source source, SequenceRanges received, Instant dateLastSeen) {
    }

    /** What {@link #insertReceived} did: one result per record, and the source's gaps after the commit. */
    record Receipt(List<InsertResult> results, int gaps) {
        public Receipt {
            results = List.copyOf(results);
        }
    }

    /**
     * As {@link CdrStore#insert} (the same results, the same guarantees), and in the same transaction
     * records that {@code source} sent the numbers {@code received}, merged with those it sent before.
     * {@code records} may be empty (every record of the batch was rejected): the numbers are still recorded.
     * Concurrent batches of one source are serialised with the inserts, so none of their numbers is lost.
     *
     * @throws StoreUnavailableException when the database cannot be reached; then neither is stored
     */
    Receipt insertReceived(Source source, SequenceRange received, List<Cdr> records);

    /**
     * The sources of these owners, by name, then owner; {@code null} for every source (the operator).
     */
    List<SourceState> list(Set<String> owners);

    /** The number of gaps of every source, for the metrics of a process that just started. */
    Map<Source, Integer> gapCounts();
}
