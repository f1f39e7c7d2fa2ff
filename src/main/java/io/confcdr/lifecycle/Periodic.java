package io.confcdr.lifecycle;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a maintenance pass (retention, aggregate compaction) on a virtual thread of its own: once at start,
 * then every {@code interval} after the end of the previous pass. A failed pass (the database away) is
 * logged and retried at the next interval. Several processes on one database may each run it: the passes
 * are written so that doing the work twice does nothing the second time.
 */
public final class Periodic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private final Runnable pass;
    private final Duration interval;
    private Thread thread;
    private volatile boolean stopped;

    /** @param name what the pass is, in its thread's name and in the warning when it fails */
    public Periodic(String name, Runnable pass, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the " + name + " interval must be positive");
        }
        this.name = name;
        this.pass = pass;
        this.interval = interval;
    }

    /** Starts the passes; idempotent. */
    public synchronized void start() {
        if (thread == null && !stopped) {
            thread = Thread.ofVirtual().name("confcdr-" + name).start(this::runUntilStopped);
        }
    }

    private void runUntilStopped() {
        while (!stopped) {
            try {
                pass.run();
            } catch (RuntimeException e) {
                LOG.warn("{} pass failed, next in {}: {}", name, interval, e.getMessage());
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
