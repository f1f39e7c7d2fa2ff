package io.confcdr.report;

import io.confcdr.model.Cdr;
import io.confcdr.query.QueryException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes a concurrency report from the legs it covers, fed one at a time in any order. A bucket is
 * listed when a leg starts in it or a leg is up at some instant in it; its peak is the most legs up at one
 * instant of [from, to), a leg being up on its half-open [date_start, date_stop). Pure.
 */
public final class ConcurrencyReport {

    /** More buckets than this (a long leg cut in 5-minute slices) is refused rather than built. */
    public static final int MAX_BUCKETS = 100_000;

    private final Buckets buckets;
    private long[] starts = new long[16];
    private long[] stops = new long[16];
    private int size;

    public ConcurrencyReport(ConcurrencyQuery query) {
        this.buckets = new Buckets(query.interval(), query.zone());
    }

    public void add(Cdr cdr) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            stops = Arrays.copyOf(stops, size * 2);
        }
        starts[size] = cdr.dateStart().toEpochMilli();
        stops[size] = cdr.dateStop().toEpochMilli();
        size++;
    }

    /**
     * The non-empty buckets in time order.
     *
     * @throws QueryException on {@code interval} when there would be more than {@link #MAX_BUCKETS}
     */
    public List<ConcurrencyBucket> buckets() {
        var sweep = new Sweep(Arrays.copyOf(starts, size), Arrays.copyOf(stops, size));
        List<ConcurrencyBucket> result = new ArrayList<>();
        long at = sweep.firstStart();
        while (at != Long.MAX_VALUE) {
            Buckets.Span span = buckets.of(at);
            sweep.advanceTo(span.from());
            long peak = sweep.up();
            for (long event = sweep.nextEventAfter(span.from()); event < span.to(); event = sweep.nextEventAfter(event)) {
                sweep.advanceTo(event);
                peak = Math.max(peak, sweep.up());
            }
            long started = sweep.startsBefore(span.to()) - sweep.startsBefore(span.from());
            if (peak > 0 || started > 0) {
                if (result.size() == MAX_BUCKETS) {
                    throw new QueryException("interval", "the report would have more than " + MAX_BUCKETS
                            + " buckets; choose a longer interval or narrow the filter");
                }
                result.add(new ConcurrencyBucket(Instant.ofEpochMilli(span.from()), Instant.ofEpochMilli(span.to()), peak, started));
            }
            sweep.advanceTo(span.to());
            at = sweep.up() > 0 ? span.to() : sweep.nextStartAtOrAfter(span.to());
        }
        return result;
    }

    /** Legs up over time: sorted starts and stops of the legs of non-zero length, and every start. */
    private static final class Sweep {
        private final long[] allStarts;
        private final long[] upStarts;
        private final long[] upStops;
        private int i;
        private int j;

        Sweep(long[] starts, long[] stops) {
            allStarts = starts.clone();
            Arrays.sort(allStarts);
            int n = 0;
            long[] s = new long[starts.length];
            long[] e = new long[starts.length];
            for (int k = 0; k < starts.length; k++) {
                if (stops[k] > starts[k]) {
                    s[n] = starts[k];
                    e[n] = stops[k];
                    n++;
                }
            }
            upStarts = Arrays.copyOf(s, n);
            upStops = Arrays.copyOf(e, n);
            Arrays.sort(upStarts);
            Arrays.sort(upStops);
        }

        long firstStart() {
            return allStarts.length == 0 ? Long.MAX_VALUE : allStarts[0];
        }

        /** Applies every start and stop at or before {@code millis}: {@link #up} is then the count at that instant. */
        void advanceTo(long millis) {
            while (i < upStarts.length && upStarts[i] <= millis) {
                i++;
            }
            while (j < upStops.length && upStops[j] <= millis) {
                j++;
            }
        }

        long up() {
            return (long) i - j;
        }

        /** The first start or stop after {@code millis}, or Long.MAX_VALUE. */
        long nextEventAfter(long millis) {
            long next = Long.MAX_VALUE;
            int a = firstAbove(upStarts, millis);
            if (a < upStarts.length) {
                next = upStarts[a];
            }
            int b = firstAbove(upStops, millis);
            if (b < upStops.length) {
                next = Math.min(next, upStops[b]);
            }
            return next;
        }

        long nextStartAtOrAfter(long millis) {
            int k = firstAbove(allStarts, millis - 1);
            return k < allStarts.length ? allStarts[k] : Long.MAX_VALUE;
        }

        /** How many legs (zero-length ones included) start before {@code millis}. */
        long startsBefore(long millis) {
            return firstAbove(allStarts, millis - 1);
        }

        /** The index of the first value greater than {@code millis} in a sorted array. */
        private static int firstAbove(long[] sorted, long millis) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted[mid] <= millis) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
