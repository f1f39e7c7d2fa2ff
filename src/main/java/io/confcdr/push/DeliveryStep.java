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
 * crash the next holder of the lease sends the same delivery_sid with the same items.
 */
final class DeliveryStep {

    /** What the step did, for the worker's scheduling. */
    sealed interface Result {
        /** Nothing to send (caught up, paused, or the lease is another process's). */
        record Idle() implements Result {
        }

        /** A delivery was acknowledged: more may follow at once. */
        record Acknowledged() implements Result {
        }

        /** The delivery failed and is retried at {@code due}. */
        record RetryAt(Instant due) implements Result {
        }

        /** The delivery failed for longer than allowed: the subscription is now {@code failing}. */
        record Failing() implements Result {
        }
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

    Result run(Subscription s) {
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
                return store.acknowledge(s.sid(), pending.deliverySid(), last) ? new Result.Acknowledged() : new Result.Idle();
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
        return send(s, inFlight, records, now, started);
    }

    private Result send(Subscription s, Subscription.Pending pending, List<StoredRecord> records, Instant now, long started) {
        FieldSelection selection = ListRequestParser.fieldSelection(s.includeFields(), s.excludeFields());
        String body = DeliveryBody.write(pending.deliverySid(), s.sid(), records, selection);
        long timestamp = now.getEpochSecond();
        String signature = WebhookSigner.signature(s, now, pending.deliverySid(), timestamp, body);
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
            store.logAcknowledged(attempt, pending.lastSeq());
            metrics.phase(PushMetrics.Phase.ACKNOWLEDGE, started);
            return new Result.Acknowledged();
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
}
