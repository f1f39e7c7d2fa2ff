package io.confcdr.report;

import java.util.Collections;
import java.util.List;

/** One row of a usage report: the values of the group keys, in the query's order (null for a missing value), and its numbers. */
public record UsageRow(List<Object> keys, Measures measures) {

    public UsageRow {
        // Values may be null (a leg without that attribute), which List.copyOf refuses.
        keys = Collections.unmodifiableList(new java.util.ArrayList<>(keys));
    }
}
