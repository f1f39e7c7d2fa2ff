package io.confcdr.store;

import io.confcdr.model.Cdr;

/** What a store did with one record of a batch, in the order the batch gave them. */
public sealed interface InsertResult {

    /** Newly committed; {@code stored} carries the date_insert the store assigned. */
    record Stored(Cdr stored) implements InsertResult {
    }

    /** A record with this call_sid and identical content was already stored: nothing changed. */
    record Duplicate(String callSid) implements InsertResult {
    }

    /** A record with this call_sid but different content is stored: nothing changed. */
    record Conflict(String callSid) implements InsertResult {
    }
}
