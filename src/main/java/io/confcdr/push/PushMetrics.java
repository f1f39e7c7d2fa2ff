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

    PushMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void delivered(SendOutcome outcome) {
        String name = switch (outcome) {
            case SendOutcome.Answered answered -> answered.acknowledges() ? "acknowledged" : "rejected";
            case SendOutcome.NoAnswer noAnswer -> "no_answer";
        };
        Counter.builder("confcdr.push.deliveries").tag("outcome", name).register(registry).increment();
    }

    synchronized void backlog(String sid, Backlog backlog) {
        backlogs.put(sid, backlog);
        gauges.computeIfAbsent(sid, key -> new Meter[] {
            Gauge.builder("confcdr.push.lag.records", backlogs, all -> all.getOrDefault(key, Backlog.NONE).records())
                    .tag("subscription_sid", key).register(registry),
            Gauge.builder("confcdr.push.oldest.undelivered.age.seconds", backlogs, all -> age(all.get(key)))
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
