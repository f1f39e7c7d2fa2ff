package io.confcdr.admin;

import java.util.Map;

/**
 * A partner to create. {@code sid} null: a new UUID (the only choice a token has; the operator may name
 * one). {@code parentSid} null: under the caller's own partner, or a root for the operator. {@code status}
 * null: active. {@code callbacks} null: none. {@code cdrRetentionDays} null: inherited.
 */
public record NewPartner(String sid, String name, String parentSid, String status, Map<String, String> callbacks,
        Integer cdrRetentionDays) {

    public NewPartner(String sid, String name, String parentSid, String status, Map<String, String> callbacks) {
        this(sid, name, parentSid, status, callbacks, null);
    }

    public static NewPartner named(String name) {
        return new NewPartner(null, name, null, null, null);
    }
}
