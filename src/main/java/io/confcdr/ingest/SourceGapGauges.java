package io.confcdr.ingest;

import io.confcdr.store.SourceStore.Source;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code confcdr_ingest_source_gaps{source=…}}: the open gaps of each source, summed over the partners that
 * use the name. Source names come from clients, so the label is bounded: the first {@code maxNames} names
 * seen by this process get a series of their own, every later one counts under {@code source="_other"}
 * (as is a source actually named {@code _other}). A series is never removed; there are at most
 * {@code maxNames + 1} of them.
 */
public final class SourceGapGauges implements SourceListener {

    public static final int DEFAULT_MAX_NAMES = 100;
    static final String OTHER = "_other";

    private final MeterRegistry registry;
    private final int maxNames;
    private final Map<Source, Integer> gaps = new ConcurrentHashMap<>();
    private final Set<String> named = ConcurrentHashMap.newKeySet();

    public SourceGapGauges(MeterRegistry registry, int maxNames) {
        this.registry = registry;
        this.maxNames = maxNames;
        gauge(OTHER);
    }

    /** The gaps as the store has them when the process starts, so the gauges are right before any batch. */
    public void seed(Map<Source, Integer> stored) {
        stored.forEach(this::received);
    }

    @Override
    public void received(Source source, int gapCount) {
        gaps.put(source, gapCount);
        if (!named.contains(source.name()) && !source.name().equals(OTHER)) {
            synchronized (named) {
                if (!named.contains(source.name()) && named.size() < maxNames) {
                    gauge(source.name());
                    named.add(source.name());
                }
            }
        }
    }

    private void gauge(String label) {
        Gauge.builder("confcdr.ingest.source.gaps", () -> total(label))
                .description("Open gaps (missing ranges) of the ingest sources of this name; "
                        + OTHER + " sums the sources beyond the first " + maxNames + " names")
                .tag("source", label)
                .register(registry);
    }

    private double total(String label) {
        boolean other = label.equals(OTHER);
        return gaps.entrySet().stream()
                .filter(entry -> other
                        ? !named.contains(entry.getKey().name())
                        : entry.getKey().name().equals(label))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }
}
