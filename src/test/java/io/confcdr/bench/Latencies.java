package io.confcdr.bench;

import java.util.Arrays;

/** Recorded latencies (nanoseconds), sorted once for percentiles. */
final class Latencies {

    private final long[] sorted;

    Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The latency at quantile q (0..1) in milliseconds; NaN when nothing was recorded. */
    double millis(double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    String summary() {
        return String.format("p50 %.2f ms, p99 %.2f ms (n=%d)", millis(0.5), millis(0.99), count());
    }
}
