package io.confcdr.push;

import io.confcdr.ingest.IngestListener;
import io.confcdr.ingest.IngestReport;
import io.confcdr.model.Cdr;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes waiting streams when this process commits a batch. It carries no records: a woken stream reads
 * the store after its own position, so what it sends never depends on which wake-ups it saw. A generation
 * number closes the race between "read found nothing" and "start waiting": a batch committed in between
 * has moved the generation on, and the wait returns at once.
 */
final class NewRecordsSignal implements IngestListener {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;

    @Override
    public void committed(IngestReport report, List<Cdr> stored) {
        if (stored.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Returns when the generation has moved past {@code seen} or after {@code nanos}, whichever is first. */
    void awaitAfter(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = nanos;
            while (generation == seen && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }
}
