package io.confcdr.model;

import java.util.Optional;

/** What an erasure does to the records it matches: removes them, or overwrites their numbers and addresses. */
public enum ErasureMode {
    /** The records are removed; their call_sids stay remembered so that they cannot be stored again. */
    DELETE("delete"),
    /** number_src, number_dst, address_src and address_dst become {@link #REDACTED}; billing attributes stay. */
    REDACT("redact");

    /** What a redacted attribute holds afterwards. */
    public static final String REDACTED = "redacted";

    private final String wireName;

    ErasureMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ErasureMode> fromWire(String text) {
        for (ErasureMode mode : values()) {
            if (mode.wireName.equals(text)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
