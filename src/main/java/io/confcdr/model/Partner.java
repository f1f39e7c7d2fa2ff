package io.confcdr.model;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant. Partners form a tree through {@code parentSid} (null for a root). {@code callbacks} maps a
 * callback name to its URL (CarrierX's partner {@code callbacks} object), kept in name order.
 * {@code cdrRetentionDays} is how long the partner's records are kept after their date_stop; null inherits
 * the nearest ancestor's (see {@link #effectiveRetentionDays}), and none anywhere keeps them forever.
 */
public record Partner(String sid, String name, String parentSid, String status, Instant dateCreated,
        Map<String, String> callbacks, Integer cdrRetentionDays) {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";
    /** A partner's name: not blank, at most this many UTF-16 units. */
    public static final int MAX_NAME_LENGTH = 256;

    public Partner {
        callbacks = callbacks == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(callbacks));
    }

    /** A partner without callbacks. */
    public Partner(String sid, String name, String parentSid, String status, Instant dateCreated) {
        this(sid, name, parentSid, status, dateCreated, Map.of());
    }

    /** A partner that inherits its retention. */
    public Partner(String sid, String name, String parentSid, String status, Instant dateCreated,
            Map<String, String> callbacks) {
        this(sid, name, parentSid, status, dateCreated, callbacks, null);
    }

    /**
     * The retention in days that applies to each partner's records: its own, else the nearest ancestor's
     * that sets one; partners under no retention are absent (their records are kept forever).
     */
    public static Map<String, Integer> effectiveRetentionDays(Collection<Partner> partners) {
        Map<String, Partner> bySid = new HashMap<>();
        partners.forEach(partner -> bySid.put(partner.sid(), partner));
        Map<String, Integer> effective = new HashMap<>();
        for (Partner partner : partners) {
            Partner at = partner;
            // The tree is acyclic (moves are checked), but a bounded walk never loops on a bad snapshot.
            for (int depth = 0; at != null && depth <= bySid.size(); depth++) {
                if (at.cdrRetentionDays() != null) {
                    effective.put(partner.sid(), at.cdrRetentionDays());
                    break;
                }
                at = at.parentSid() == null ? null : bySid.get(at.parentSid());
            }
        }
        return effective;
    }
}
