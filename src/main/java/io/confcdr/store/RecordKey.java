package io.confcdr.store;

import io.confcdr.model.Cdr;

/**
 * What names a stored record: its call_sid within its partner. The same call_sid under two partners is two
 * records, so what one tenant sends never depends on, reveals or blocks what another tenant stored.
 */
public record RecordKey(String partnerSid, String callSid) {

    public static RecordKey of(Cdr cdr) {
        return new RecordKey(cdr.partnerSid(), cdr.callSid());
    }
}
