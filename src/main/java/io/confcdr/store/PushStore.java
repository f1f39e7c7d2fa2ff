package io.confcdr.store;

import io.confcdr.query.Filter;
import io.confcdr.query.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Push subscriptions, their delivery state, leases and delivery log, and the insertion-order reads a
 * subscription's cursor needs. The delivery state methods are conditional (on the lease holder, on the
 * delivery in flight) so that a PATCH, a replay or another process never loses to a stale worker.
 */
public interface PushStore {

    void create(Subscription subscription);

    Optional<Subscription> find(String sid);

    /** Every subscription, oldest first. */
    List<Subscription> list();

    /** Replaces the owner's settings and secrets; clears the delivery in flight when {@code subscription.pending()} is null. */
    boolean update(Subscription subscription);

    /** Deletes the subscription and its delivery log. */
    boolean delete(String sid);

    // ---- the cursor over the records ----

    /** Up to {@code limit} visible records matching the filter stored after {@code seq}, in insertion order. */
    List<StoredRecord> recordsAfter(long seq, Filter filter, Visibility visibility, int limit);

    /**
     * The visible records matching the filter stored after {@code seq}: how many, counted up to
     * {@code countUpTo} (a receiver down for a day leaves hundreds of millions, which no gauge refreshed every
     * few seconds should count), and the oldest date_insert among those counted.
     */
    Backlog backlog(long seq, Filter filter, Visibility visibility, int countUpTo);

    /** The seq of the newest record (0 when none). */
    long lastSeq();

    /** The seq of this record if it is visible. */
    OptionalLong seqOf(String callSid, Visibility visibility);

    /** The seq of the first record whose date_insert is at or after {@code from}, if any. */
    OptionalLong firstSeqInsertedFrom(Instant from);

    // ---- delivery state ----

    /**
     * Takes or renews the subscription's lease for {@code owner} until {@code until}, if it is free, expired
     * at {@code now}, or already {@code owner}'s.
     */
    boolean lease(String sid, String owner, Instant now, Instant until);

    /** Gives up every lease {@code owner} holds (on shutdown, so another process takes over at once). */
    void releaseLeases(String owner);

    /** Records a delivery in flight (first attempt or a retry) if {@code owner} holds the lease. */
    boolean setPending(String sid, String owner, Subscription.Pending pending);

    /**
     * Moves the position to the delivery's last record and clears it, if that delivery is still the one in
     * flight (a PATCH or replay in the meantime wins).
     */
    boolean acknowledge(String sid, String deliverySid, long lastSeq);

    /** Marks the subscription {@code failing} if that delivery is still the one in flight. */
    boolean markFailing(String sid, String deliverySid);

    /** Replay: moves the position back (or forward) to {@code seq} and drops the delivery in flight. */
    boolean reposition(String sid, long seq);

    void log(DeliveryAttempt attempt);

    /**
     * Logs an acknowledged attempt and {@link #acknowledge acknowledges} its delivery; a database does both in
     * one transaction (one commit per delivery fewer, the most frequent write of push).
     */
    default boolean logAcknowledged(DeliveryAttempt attempt, long lastSeq) {
        log(attempt);
        return acknowledge(attempt.subscriptionSid(), attempt.deliverySid(), lastSeq);
    }

    /**
     * As {@link #logAcknowledged}, and in the same transaction records {@code next} as the delivery in flight
     * if the acknowledged one was still in flight and {@code owner} holds the lease: while a subscription has
     * a backlog, each delivery costs one write (its acknowledgement carries the next one's in-flight state)
     * rather than two. When {@code owner} no longer holds the lease only the acknowledgement happens.
     *
     * @return whether {@code next} is now the delivery in flight (to be sent by the caller)
     */
    boolean logAcknowledgedThenPending(DeliveryAttempt attempt, long lastSeq, String owner, Subscription.Pending next);

    /** The subscription's delivery log, newest first. */
    List<DeliveryAttempt> attempts(String sid);
}
