package io.confcdr.lifecycle;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RetentionPurge} on a virtual thread of its own: once at start, then every {@code interval}
 * after the end of the previous pass. A failed pass (the database away) is logged and retried at the
 * next interval. Several processes on one database may each purge: a record is deleted once, the others
 * find nothing left.
 */
public final class RetentionSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RetentionPurge purge;
    private final Duration interval;
    private Thread thread;
    private volatile boolean stopped;

    public RetentionSchedule(RetentionPurge purge, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the retention interval must be positive");
        }
        this.purge = purge;
        this.interval = interval;
    }

    /** Starts the passes; idempotent. */
    public synchronized void start() {
        if (thread == null && !stopped) {
            thread = Thread.ofVirtual().name("confcdr-retention").start(this::runUntilStopped);
        }
    }

    private void runUntilStopped() {
        while (!stopped) {
            try {
                purge.runOnce();
            } catch (RuntimeException e) {
                LOG.warn("retention pass failed, next in {}: {}", interval, e.getMessage());
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
