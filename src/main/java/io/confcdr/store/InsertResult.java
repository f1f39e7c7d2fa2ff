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

    /** The record's partner does not exist when the batch commits (it was deleted meanwhile): not stored. */
    record PartnerMissing(String callSid) implements InsertResult {
    }

    /** The one rule for a call_sid that is already stored: the same content is a duplicate, any other a conflict. */
    static InsertResult againstStored(Cdr stored, Cdr incoming) {
        return stored.sameContent(incoming)
                ? new Duplicate(incoming.callSid())
                : new Conflict(incoming.callSid());
    }
}
