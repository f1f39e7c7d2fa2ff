package io.confcdr.generate;

import io.confcdr.model.Cdr;
import java.util.Arrays;

/**
 * Legs waiting for their {@code date_stop} to come up: a binary min-heap over primitive keys. Tens of
 * thousands of legs are in flight at busy hours; comparing longs in one array instead of chasing
 * pointers to boxed entries keeps the heap in cache. Ties (same millisecond) leave in insertion order.
 */
final class StopOrderQueue {

    private static final int SEQUENCE_BITS = 20;

    private long[] keys = new long[1024];
    private Cdr[] values = new Cdr[1024];
    private int size;
    private long sequence;

    void add(Cdr cdr) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        // Millisecond stop times fit in 43 bits until the year 2248; the low bits order ties.
        long key = cdr.dateStop().toEpochMilli() << SEQUENCE_BITS | (sequence++ & ((1L << SEQUENCE_BITS) - 1));
        int hole = size++;
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[hole] = keys[parent];
            values[hole] = values[parent];
            hole = parent;
        }
        keys[hole] = key;
        values[hole] = cdr;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The earliest stop time waiting; only when not empty. */
    long earliestStopMillis() {
        return keys[0] >> SEQUENCE_BITS;
    }

    Cdr poll() {
        Cdr first = values[0];
        size--;
        long key = keys[size];
        Cdr value = values[size];
        values[size] = null;
        int hole = 0;
        while (true) {
            int child = 2 * hole + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (key <= keys[child]) {
                break;
            }
            keys[hole] = keys[child];
            values[hole] = values[child];
            hole = child;
        }
        if (size > 0) {
            keys[hole] = key;
            values[hole] = value;
        }
        return first;
    }
}
