package io.confcdr.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant. Partners form a tree through {@code parentSid} (null for a root). {@code callbacks} maps a
 * callback name to its URL (CarrierX's partner {@code callbacks} object), kept in name order.
 */
public record Partner(String sid, String name, String parentSid, String status, Instant dateCreated,
        Map<String, String> callbacks) {

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
}
