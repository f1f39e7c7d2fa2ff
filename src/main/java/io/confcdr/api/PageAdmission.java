package io.confcdr.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the requests that read and write pages of records (the heavy ones: a database query, then
 * thousands of records serialised) running at once. A request that cannot start within
 * {@link #ADMISSION_WAIT} is refused at once with 503 and Retry-After instead of queueing into the pool's
 * connection timeout, and the short requests every client makes (a token check, a record by sid, health)
 * keep finding a connection and a CPU meanwhile.
 */
final class PageAdmission {

    /**
     * Pages served at once: one per core (at least two). Serialising a page is CPU-bound, and SQLite's JNI
     * calls pin their carrier thread, so more would only queue on the cores and starve the short requests.
     */
    static final int PERMITS = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final Duration ADMISSION_WAIT = Duration.ofMillis(50);

    private final Semaphore permits = new Semaphore(PERMITS);

    /** Runs {@code page} once admitted. @throws TooBusyException when not admitted in time */
    void run(Runnable page) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(ADMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new TooBusyException("too many pages are being read at once; retry after 1 s");
        }
        try {
            page.run();
        } finally {
            permits.release();
        }
    }

    /** Refused for load, not for anything the client did wrong: 503 with Retry-After. */
    static final class TooBusyException extends RuntimeException {
        TooBusyException(String message) {
            super(message, null, false, false);
        }
    }
}
