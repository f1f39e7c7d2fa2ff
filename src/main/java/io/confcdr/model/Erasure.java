package io.confcdr.model;

import java.time.Instant;

/**
 * An erasure as it is remembered: who asked ({@code tokenId} and {@code partnerSid}; both null for the
 * operator), when, the SHA-256 of the number (hex), the mode and how many records it changed. Never the
 * number itself.
 */
public record Erasure(
        String sid,
        Instant dateCreated,
        ErasureMode mode,
        String numberSha256,
        long records,
        String partnerSid,
        String tokenId) {
}
