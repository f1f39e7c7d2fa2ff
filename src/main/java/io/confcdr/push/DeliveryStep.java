package io.confcdr.push;

import io.confcdr.model.FieldSelection;
import io.confcdr.query.Filter;
import io.confcdr.query.FilterParser;
import io.confcdr.query.ListRequestParser;
import io.confcdr.store.DeliveryAttempt;
import io.confcdr.store.PushStore;
import io.confcdr.store.StoredRecord;
import io.confcdr.store.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One attempt for one subscription: send the delivery in flight again when it is due, or the next batch
 * after the position when none is. The delivery is recorded as in flight before it is sent, so after a
 * crash the next holder of the lease sends the same delivery_sid with the same items. Once a delivery is
 * acknowledged, the next batch is read and recorded as in flight in the acknowledgement's own transaction
 * ({@link PushStore#logAcknowledgedThenPending}), and handed back to be sent at once ({@link #send(Subscription, InFlight)}):
 * one write per delivery while there is a backlog.
 */
final class DeliveryStep {

    /** What the step did, for the worker's scheduling. */
    sealed interface Result {
        /** Nothing to send (caught up, paused, or the lease is another process's). */
        record Idle() implements Result {
        }

        /**
         * A delivery was acknowledged: more may follow at once. {@code next}, when not null, is already
         * recorded as in flight and is to be sent next (with the same subscription's settings).
         */
        record Acknowledged(InFlight next) implements Result {
        }

        /** The delivery failed and is retried at {@code due}. */
        record RetryAt(Instant due) implements Result {
        }

        /** The delivery failed for longer than allowed: the subscription is now {@code failing}. */
        record Failing() implements Result {
        }
    }

    /** A delivery recorded as in flight, with its records, not yet sent. */
    record InFlight(Subscription.Pending pending, List<StoredRecord> records) {
    }

    private final PushStore store;
    private final Subscriptions subscriptions;
    private final WebhookSender sender;
    private final Backoff backoff;
    private final Duration failAfter;
    private final Clock clock;
    private final PushMetrics metrics;
    private final String owner;

    DeliveryStep(PushStore store, Subscriptions subscriptions, WebhookSender sender, Backoff backoff, Duration failAfter,
            Clock clock, PushMetrics metrics, String owner) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.backoff = backoff;
        this.failAfter = failAfter;
        this.clock = clock;
        this.metrics = metrics;
        this.owner = owner;
    }

    /** @param mayChain asked after an acknowledgement: whether {@code s} may still be used to record and send the next delivery */
    Result run(Subscription s, java.util.function.BooleanSupplier mayChain) {
        if (!Subscription.ACTIVE.equals(s.status())) {
            return new Result.Idle();
        }
        Instant now = clock.instant();
        Subscription.Pending pending = s.pending();
        if (pending != null && pending.nextAttempt() != null && pending.nextAttempt().isAfter(now)) {
            return new Result.RetryAt(pending.nextAttempt());
        }
        long started = System.nanoTime();
        Filter filter = FilterParser.parse(s.filter());
        var visibility = subscriptions.visibilityOf(s);
        started = metrics.phase(PushMetrics.Phase.VISIBILITY, started);
        List<StoredRecord> records = store.recordsAfter(s.position(), filter, visibility, s.maxBatch());
        started = metrics.phase(PushMetrics.Phase.READ, started);
        if (pending != null) {
            long last = pending.lastSeq();
            records = records.stream().filter(record -> record.seq() <= last).toList();
            if (records.isEmpty()) {
                // Its records are no longer visible to the subscription (a partner moved away): nothing to send.
                return store.acknowledge(s.sid(), pending.deliverySid(), last) ? new Result.Acknowledged(null) : new Result.Idle();
            }
        } else if (records.isEmpty()) {
            return new Result.Idle();
        } else {
            pending = new Subscription.Pending(UUID.randomUUID().toString(), records.getLast().seq(), 0, now, now);
        }
        int attempt = pending.attempts() + 1;
        var inFlight = new Subscription.Pending(pending.deliverySid(), pending.lastSeq(), attempt, pending.firstAttempt(), now);
        if (!store.setPending(s.sid(), owner, inFlight)) {
            return new Result.Idle();
        }
        started = metrics.phase(PushMetrics.Phase.IN_FLIGHT, started);
        return send(s, inFlight, records, now, started, mayChain);
    }

    /**
     * Sends a delivery that {@link Result.Acknowledged#next()} recorded as in flight; {@code s} is the
     * subscription as read before the previous delivery (its settings, not its position or pending).
     */
    Result send(Subscription s, InFlight next, java.util.function.BooleanSupplier mayChain) {
        return send(s, next.pending(), next.records(), clock.instant(), System.nanoTime(), mayChain);
    }

    private Result send(Subscription s, Subscription.Pending pending, List<StoredRecord> records, Instant now, long started,
            java.util.function.BooleanSupplier mayChain) {
        FieldSelection selection = ListRequestParser.fieldSelection(s.includeFields(), s.excludeFields());
        byte[] bytes = DeliveryBody.write(pending.deliverySid(), s.sid(), records, selection);
        long timestamp = now.getEpochSecond();
        String signature = WebhookSigner.signature(s, now, pending.deliverySid(), timestamp, bytes);
        started = metrics.phase(PushMetrics.Phase.BODY, started);
        SendOutcome outcome = sender.send(s.url(), Map.of(
                "webhook-id", pending.deliverySid(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", signature), bytes);
        started = metrics.phase(PushMetrics.Phase.POST, started);
        metrics.delivered(outcome);
        boolean acknowledged = outcome instanceof SendOutcome.Answered answered && answered.acknowledges();
        Integer status = outcome instanceof SendOutcome.Answered answered ? answered.status() : null;
        String error = switch (outcome) {
            case SendOutcome.Answered answered -> answered.acknowledges() ? null : "the receiver answered " + answered.status();
            case SendOutcome.NoAnswer noAnswer -> noAnswer.error();
        };
        var attempt = new DeliveryAttempt(s.sid(), pending.deliverySid(), pending.attempts(), now, status, error,
                outcome.latencyMillis(), records.size(), records.getFirst().cdr().callSid(),
                records.getLast().cdr().callSid(), acknowledged);
        if (acknowledged) {
            if (!mayChain.getAsBoolean()) {
                store.logAcknowledged(attempt, pending.lastSeq());
                metrics.phase(PushMetrics.Phase.ACKNOWLEDGE, started);
                return new Result.Acknowledged(null);
            }
            return acknowledgeAndChain(s, attempt, pending.lastSeq(), started);
        }
        store.log(attempt);
        Instant after = clock.instant();
        if (!after.isBefore(pending.firstAttempt().plus(failAfter))) {
            store.markFailing(s.sid(), pending.deliverySid());
            return new Result.Failing();
        }
        Instant due = after.plus(backoff.after(pending.attempts()));
        store.setPending(s.sid(), owner, new Subscription.Pending(pending.deliverySid(), pending.lastSeq(),
                pending.attempts(), pending.firstAttempt(), due));
        return new Result.RetryAt(due);
    }

    /**
     * Acknowledges, and if more records follow, records them as the next delivery in flight in the same
     * write. They are read with the filter and visibility of now, after {@code lastSeq}: exactly the items
     * that a retry of that delivery (after a crash) reads back from its position and {@code pending_last_seq}.
     */
    private Result acknowledgeAndChain(Subscription s, DeliveryAttempt attempt, long lastSeq, long started) {
        Filter filter = FilterParser.parse(s.filter());
        var visibility = subscriptions.visibilityOf(s);
        started = metrics.phase(PushMetrics.Phase.VISIBILITY, started);
        List<StoredRecord> next = store.recordsAfter(lastSeq, filter, visibility, s.maxBatch());
        started = metrics.phase(PushMetrics.Phase.READ, started);
        if (next.isEmpty()) {
            store.logAcknowledged(attempt, lastSeq);
            metrics.phase(PushMetrics.Phase.ACKNOWLEDGE, started);
            return new Result.Acknowledged(null);
        }
        Instant now = clock.instant();
        var pending = new Subscription.Pending(UUID.randomUUID().toString(), next.getLast().seq(), 1, now, now);
        boolean chained = store.logAcknowledgedThenPending(attempt, lastSeq, owner, pending);
        metrics.phase(PushMetrics.Phase.ACKNOWLEDGE, started);
        return new Result.Acknowledged(chained ? new InFlight(pending, next) : null);
    }
}
