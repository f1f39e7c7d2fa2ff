package io.confcdr.push;

import io.confcdr.store.Backlog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
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
 */
final class PushMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();
    private final Map<String, Meter[]> gauges = new HashMap<>();

    private final Counter acknowledged;
    private final Counter rejected;
    private final Counter noAnswer;

    PushMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        // Registered up front so that a rate over them is 0 rather than absent before the first delivery.
        this.acknowledged = deliveries("acknowledged");
        this.rejected = deliveries("rejected");
        this.noAnswer = deliveries("no_answer");
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
