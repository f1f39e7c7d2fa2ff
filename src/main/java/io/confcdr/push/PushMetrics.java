package io.confcdr.push;

import io.confcdr.store.Backlog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code confcdr_push_lag_records{subscription_sid}} (records not yet delivered),
 * {@code confcdr_push_oldest_undelivered_age_seconds{subscription_sid}} (0 when caught up) and
 * {@code confcdr_push_deliveries_total{outcome}} with outcome {@code acknowledged}, {@code rejected}
 * (a non-2xx answer) or {@code no_answer}. Gauges exist for the subscriptions this process delivers.
 * {@code confcdr_push_delivery_phase_seconds{phase}} times the parts of a delivery (see {@link Phase}), so
 * that where a delivery's time goes can be read off a running server.
 */
final class PushMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();
    private final Map<String, Meter[]> gauges = new HashMap<>();

    private final Counter acknowledged;
    private final Counter rejected;
    private final Counter noAnswer;
    private final Map<Phase, Timer> phases = new java.util.EnumMap<>(Phase.class);

    /** The parts of one delivery, in the order they happen. */
    enum Phase {
        /** Reading the subscription's row. */
        FIND,
        /** Parsing its filter and finding the partners it may see. */
        VISIBILITY,
        /** Reading the records after the position. */
        READ,
        /** Recording the delivery in flight. */
        IN_FLIGHT,
        /** Writing the body and signing it. */
        BODY,
        /** The POST until the receiver's status line. */
        POST,
        /** Logging the attempt and moving the position (or scheduling the retry). */
        ACKNOWLEDGE
    }

    PushMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        // Registered up front so that a rate over them is 0 rather than absent before the first delivery.
        this.acknowledged = deliveries("acknowledged");
        this.rejected = deliveries("rejected");
        this.noAnswer = deliveries("no_answer");
        for (Phase phase : Phase.values()) {
            phases.put(phase, Timer.builder("confcdr.push.delivery.phase")
                    .description("Time spent in each part of a webhook delivery")
                    .tag("phase", phase.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry));
        }
    }

    /** Records the time since {@code startedNanos} ({@link System#nanoTime}) under {@code phase}; returns now. */
    long phase(Phase phase, long startedNanos) {
        long now = System.nanoTime();
        phases.get(phase).record(now - startedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        return now;
    }

    void delivered(SendOutcome outcome) {
        Counter counter = switch (outcome) {
            case SendOutcome.Answered answered -> answered.acknowledges() ? acknowledged : rejected;
            case SendOutcome.NoAnswer none -> noAnswer;
        };
        counter.increment();
    }

    private Counter deliveries(String outcome) {
        return Counter.builder("confcdr.push.deliveries")
                .description("Webhook delivery attempts by outcome: acknowledged (2xx), rejected (another status), "
                        + "no_answer (timeout or connection failure)")
                .tag("outcome", outcome)
                .register(registry);
    }

    synchronized void backlog(String sid, Backlog backlog) {
        backlogs.put(sid, backlog);
        gauges.computeIfAbsent(sid, key -> new Meter[] {
            Gauge.builder("confcdr.push.lag", backlogs, all -> all.getOrDefault(key, Backlog.NONE).records())
                    .baseUnit("records")
                    .description("Records matching the subscription that are not yet delivered")
                    .tag("subscription_sid", key).register(registry),
            Gauge.builder("confcdr.push.oldest.undelivered.age", backlogs, all -> age(all.get(key)))
                    .baseUnit("seconds")
                    .description("Age of the oldest record not yet delivered to the subscription; 0 when caught up")
                    .tag("subscription_sid", key).register(registry)});
    }

    /** Whether the subscription's backlog gauges exist (it has been measured since this process took it). */
    synchronized boolean tracks(String sid) {
        return gauges.containsKey(sid);
    }

    /** Drops the gauges of subscriptions this process no longer delivers. */
    synchronized void keepOnly(Set<String> sids) {
        gauges.entrySet().removeIf(entry -> {
            if (sids.contains(entry.getKey())) {
                return false;
            }
            for (Meter meter : entry.getValue()) {
                registry.remove(meter);
            }
            backlogs.remove(entry.getKey());
            return true;
        });
    }

    private double age(Backlog backlog) {
        if (backlog == null || backlog.oldestDateInsert() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(backlog.oldestDateInsert(), clock.instant()).toMillis() / 1000.0);
    }
}
