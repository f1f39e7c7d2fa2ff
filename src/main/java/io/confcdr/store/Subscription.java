package io.confcdr.store;

import java.time.Instant;

/**
 * A push subscription as stored. {@code descendants}: whether the creating token could read its partner's
 * whole subtree (the subtree itself is recomputed at every delivery, so moves and deletions apply at once).
 * {@code position} is the insertion sequence ({@code seq}) of the last record acknowledged: a cursor over
 * the store, not a queue of copies. {@code pending} is the one delivery in flight, or null.
 * {@code secret} signs; {@code previousSecret} also signs until {@code previousSecretUntil} (rotation).
 */
public record Subscription(String sid, String partnerSid, boolean descendants, String url, String filter,
        String includeFields, String excludeFields, int maxBatch, String status, String secret,
        String previousSecret, Instant previousSecretUntil, Instant dateCreated, long position, Pending pending) {

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String FAILING = "failing";

    /**
     * The delivery sent and not yet acknowledged: the records after {@code position} up to {@code lastSeq}.
     * Retried under the same sid until acknowledged.
     */
    public record Pending(String deliverySid, long lastSeq, int attempts, Instant firstAttempt, Instant nextAttempt) {
    }

    public Subscription withPending(Pending next) {
        return new Subscription(sid, partnerSid, descendants, url, filter, includeFields, excludeFields, maxBatch,
                status, secret, previousSecret, previousSecretUntil, dateCreated, position, next);
    }

    /** The same subscription with settings changed by its owner; any delivery in flight is dropped. */
    public Subscription withSettings(String newUrl, String newFilter, String newInclude, String newExclude,
            int newMaxBatch, String newStatus) {
        return new Subscription(sid, partnerSid, descendants, newUrl, newFilter, newInclude, newExclude, newMaxBatch,
                newStatus, secret, previousSecret, previousSecretUntil, dateCreated, position, null);
    }

    public Subscription withSecrets(String newSecret, String newPrevious, Instant newPreviousUntil) {
        return new Subscription(sid, partnerSid, descendants, url, filter, includeFields, excludeFields, maxBatch,
                status, newSecret, newPrevious, newPreviousUntil, dateCreated, position, pending);
    }
}
