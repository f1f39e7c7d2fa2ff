package io.confcdr.lifecycle;

import io.confcdr.store.UsageStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * One pass of usage aggregate compaction: merges, a few units per transaction, the aggregate rows that ingest,
 * retention and erasure appended since the last pass (per partner and 15-minute slot, one row per cell
 * afterwards), so that a report over a month reads about as many rows as it has cells whatever the size of
 * the ingest batches. A pass stops when nothing is left, or after {@code maxRounds} transactions, so a feed
 * that dirties slots as fast as they are merged cannot hold it forever; the next pass goes on.
 *
 * <p>Metric {@code confcdr_usage_compacted_units_total}: partner and slot pairs merged.
 */
public final class AggregateCompaction {

    /** Between passes in {@code serve}: the rows one minute of ingest appends are what a report may still sum unmerged. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);
    /** Units per transaction: a few milliseconds of SQLite's writer each. */
    public static final int DEFAULT_UNITS = 50;
    private static final int MAX_ROUNDS = 200;

    private final UsageStore store;
    private final int units;
    private final Counter merged;

    public AggregateCompaction(UsageStore store, MeterRegistry metrics, int units) {
        if (units < 1) {
            throw new IllegalArgumentException("a compaction round merges at least one unit");
        }
        this.store = store;
        this.units = units;
        this.merged = Counter.builder("confcdr.usage.compacted.units")
                .description("partner and 15-minute slot pairs whose usage aggregate rows were merged")
                .register(metrics);
    }

    /** Merges what is there now; returns the number of units merged. */
    public long runOnce() {
        long total = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int done = store.compact(units);
            merged.increment(done);
            total += done;
            if (done < units) {
                break;
            }
        }
        return total;
    }
}
