package io.confcdr.admin;

import java.util.Map;

/** A partial update of a partner: each attribute kept or changed. */
public record PartnerPatch(Change<String> name, Change<String> parentSid, Change<String> status,
        Change<Map<String, String>> callbacks, Change<Integer> cdrRetentionDays) {

    public PartnerPatch(Change<String> name, Change<String> parentSid, Change<String> status,
            Change<Map<String, String>> callbacks) {
        this(name, parentSid, status, callbacks, Change.keep());
    }
}
