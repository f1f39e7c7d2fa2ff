package io.confcdr.report;

import java.util.Arrays;

/**
 * The most legs up at one instant, a leg being up on the half-open [date_start, date_stop): a leg that
 * stops exactly when another starts does not overlap it, and a leg of zero length is never up. A sweep
 * over the sorted starts and stops, stops first on ties.
 */
final class PeakConcurrency {

    private long[] starts = new long[8];
    private long[] stops = new long[8];
    private int size;

    /** Adds a leg by its epoch milliseconds; zero-length legs are ignored, they are never up. */
    void add(long startMillis, long stopMillis) {
        if (stopMillis <= startMillis) {
            return;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            stops = Arrays.copyOf(stops, size * 2);
        }
        starts[size] = startMillis;
        stops[size] = stopMillis;
        size++;
    }

    long peak() {
        long[] s = Arrays.copyOf(starts, size);
        long[] e = Arrays.copyOf(stops, size);
        sortUnlessSorted(s);
        sortUnlessSorted(e);
        long up = 0;
        long peak = 0;
        int j = 0;
        for (long start : s) {
            while (e[j] <= start) {
                j++;
                up--;
            }
            up++;
            peak = Math.max(peak, up);
        }
        return peak;
    }

    /** Legs mostly come in insertion order, which is nearly start order: a sorted array skips the sort. */
    private static void sortUnlessSorted(long[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                Arrays.sort(values);
                return;
            }
        }
    }
}
