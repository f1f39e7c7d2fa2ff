package io.confcdr.ingest;

import java.util.List;

/**
 * The answer to one ingest batch. {@code accepted} records are exactly those newly stored;
 * {@code duplicates} were already stored with identical content; {@code rejected} were not stored,
 * listed by ascending index.
 */
public record IngestReport(int accepted, int duplicates, List<Rejection> rejected) {

    public IngestReport {
        rejected = List.copyOf(rejected);
    }

    /** True when every record of the batch is stored now (newly or before). */
    public boolean isComplete() {
        return rejected.isEmpty();
    }

    /** One record not stored: its position in the batch (from 0), its call_sid if readable, every reason. */
    public record Rejection(int index, String callSid, List<Reason> errors) {
        public Rejection {
            errors = List.copyOf(errors);
        }
    }

    /** {@code field} is the attribute at fault, or null for the record as a whole. */
    public record Reason(String field, String message) {
    }
}
