package io.confcdr.query;

import io.confcdr.model.CdrField;

/**
 * The order of a listing. Every order is completed by the insertion sequence as tie-breaker, so that
 * keyset pages never overlap or skip.
 */
public sealed interface Order {

    Order INSERTION = new Insertion();

    /** Insertion order, oldest first: the default. */
    record Insertion() implements Order {
    }

    /** {@code order=<attribute> [asc|desc]}; nulls come first ascending and last descending. */
    record ByField(CdrField field, boolean descending) implements Order {
    }

    /** {@code order=shuffle}: a random sample; no cursors. */
    record Shuffle() implements Order {
    }
}
