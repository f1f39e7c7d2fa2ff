package io.confcdr.store;

import io.confcdr.model.Cdr;

/** A record with its insertion sequence: what a subscription's cursor moves over. */
public record StoredRecord(long seq, Cdr cdr) {
}
