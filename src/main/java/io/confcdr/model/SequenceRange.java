package io.confcdr.model;

/** The sequence numbers {@code first} to {@code last}, both included, of one ingest source. */
public record SequenceRange(long first, long last) {

    public SequenceRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a range: " + first + ".." + last);
        }
    }

    /** How many numbers the range holds. */
    public long size() {
        return last - first + 1;
    }

    /** Whether the two share a number or follow one another without a gap, so that they merge into one. */
    public boolean touches(SequenceRange other) {
        // Each starts at most one past the other's end. As differences, no bound can overflow.
        return other.first - last <= 1 && first - other.last <= 1;
    }
}
