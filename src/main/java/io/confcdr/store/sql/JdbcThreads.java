package io.confcdr.store.sql;

import io.confcdr.store.Deadline;
import io.confcdr.store.StoreUnavailableException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Where JDBC calls run. SQLite's driver calls native code, which pins a virtual thread to its carrier for
 * the whole call; with few carriers (one per core), a handful of page reads would starve every other
 * request of the server. Its calls therefore run on platform threads of their own, one per pooled
 * connection, while the virtual thread that asked waits unmounted. PostgreSQL's driver does plain socket
 * I/O and runs on the caller's thread.
 */
sealed interface JdbcThreads extends AutoCloseable permits JdbcThreads.Caller, JdbcThreads.Platform {

    /**
     * Runs {@code work}; with a {@code deadline} (nullable), a wait for a thread that outlasts it fails with the
     * deadline's exception (work already started is bounded by the deadline itself, so it is waited for).
     */
    <T> T call(Deadline deadline, Supplier<T> work);

    @Override
    void close();

    /** On the calling thread. */
    record Caller() implements JdbcThreads {
        @Override
        public <T> T call(Deadline deadline, Supplier<T> work) {
            return work.get();
        }

        @Override
        public void close() {
        }
    }

    /** On a fixed set of platform threads; a call made on one of them (nested) runs where it is. */
    final class Platform implements JdbcThreads {

        private final ExecutorService threads;

        Platform(int count, String name) {
            this.threads = Executors.newFixedThreadPool(count, runnable -> {
                Thread thread = new JdbcThread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public <T> T call(Deadline deadline, Supplier<T> work) {
            if (Thread.currentThread() instanceof JdbcThread) {
                return work.get();
            }
            // Whoever sets it first decides: the thread that starts the work, or the caller withdrawing it.
            AtomicBoolean taken = new AtomicBoolean();
            Future<T> result = threads.submit(() -> taken.compareAndSet(false, true) ? work.get() : null);
            try {
                return deadline == null ? result.get() : awaitWithin(deadline, result, taken);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.cancel(true);
                throw new StoreUnavailableException("interrupted while waiting for the database", e);
            }
        }

        /** Every thread busy past the deadline: the work is withdrawn unless it has started. */
        private static <T> T awaitWithin(Deadline deadline, Future<T> result, AtomicBoolean taken)
                throws InterruptedException, ExecutionException {
            try {
                return result.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (taken.compareAndSet(false, true)) {
                    throw deadline.exceeded(null);
                }
                // Started: the deadline bounds it, and its connection must be back before the caller goes on.
                return result.get();
            }
        }

        @Override
        public void close() {
            threads.shutdown();
        }

        private static final class JdbcThread extends Thread {
            JdbcThread(Runnable task, String name) {
                super(task, name);
            }
        }
    }
}
