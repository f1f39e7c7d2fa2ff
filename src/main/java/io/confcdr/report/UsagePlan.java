package io.confcdr.report;

/**
 * How a usage report is answered, and why: from the aggregates kept at ingest (additive measures) plus a
 * narrow read of the matching legs' times and meetings, or by scanning the whole matching records.
 */
public record UsagePlan(Path path, String reason) {

    public enum Path {
        /** From the slot summaries of whole subtrees: no read of legs outside slots marked stale. */
        SUMMARIES,
        AGGREGATES,
        SCAN
    }

    static UsagePlan summaries() {
        return new UsagePlan(Path.SUMMARIES, "a whole subtree, bounded by date_start only and grouped by calendar keys");
    }

    static UsagePlan aggregates() {
        return new UsagePlan(Path.AGGREGATES, "filter and grouping line up with the aggregates");
    }

    static UsagePlan scan(String reason) {
        return new UsagePlan(Path.SCAN, reason);
    }
}
