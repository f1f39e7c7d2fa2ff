package io.confcdr.store.sql;

import io.confcdr.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the reading side of a scan on a platform thread of its own and hands the records to the caller's
 * thread in batches through a queue of {@link #QUEUED}: the database and the driver produce the next
 * batch while the caller writes the last, so a long export costs the slower of the two sides rather than
 * their sum. At most {@code QUEUED + 2} batches exist at a time, so the heap stays flat. (It also keeps
 * SQLite's native calls off the request's virtual thread for the length of an export.)
 */
final class ScanPipe {

    static final int BATCH = 500;
    private static final int QUEUED = 2;
    private static final Object END = new Object();

    /** The reading: calls its sink with every record, in order; fails with the store's exceptions. */
    @FunctionalInterface
    interface Reading<T> {
        void read(Consumer<T> sink);
    }

    private record Failure(Throwable cause) {
    }

    /** The caller stopped taking records: the reader ends its reading, which releases its connection. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private ScanPipe() {
    }

    /**
     * Feeds every record {@code reading} produces to {@code sink} on this thread. A failure of the reading
     * comes out here as itself; a failure of {@code sink} stops the reading and comes out as itself. Returns
     * only once the reading has ended.
     */
    static <T> void run(Reading<T> reading, Consumer<T> sink) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread reader = Thread.ofPlatform().daemon().name("confcdr-scan-reader").unstarted(
                () -> read(reading, queue, stopped));
        reader.start();
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    return;
                }
                if (item instanceof Failure failure) {
                    throw rethrown(failure.cause());
                }
                @SuppressWarnings("unchecked")
                List<T> batch = (List<T>) item;
                for (T record : batch) {
                    sink.accept(record);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while streaming records", e);
        } finally {
            stopped.set(true);
            queue.clear();
            awaitEnd(reader);
        }
    }

    private static <T> void read(Reading<T> reading, BlockingQueue<Object> queue, AtomicBoolean stopped) {
        try {
            @SuppressWarnings("unchecked")
            List<T>[] batch = new List[] {new ArrayList<T>(BATCH)};
            reading.read(record -> {
                batch[0].add(record);
                if (batch[0].size() == BATCH) {
                    hand(queue, batch[0], stopped);
                    batch[0] = new ArrayList<>(BATCH);
                }
            });
            if (!batch[0].isEmpty()) {
                hand(queue, batch[0], stopped);
            }
            hand(queue, END, stopped);
        } catch (Stopped e) {
            // The caller has gone; nothing is waiting for the rest.
        } catch (RuntimeException | Error e) {
            try {
                hand(queue, new Failure(e), stopped);
            } catch (Stopped ignored) {
                // The caller has gone already.
            }
        }
    }

    private static void hand(BlockingQueue<Object> queue, Object item, AtomicBoolean stopped) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return (RuntimeException) cause;
    }

    /** The reader notices within one batch (or one fetch) that nobody takes more; its connection goes back then. */
    private static void awaitEnd(Thread reader) {
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
