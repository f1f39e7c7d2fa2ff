package io.confcdr.store.sql;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records when tokens were last used without slowing the request that uses them: at most one write per
 * token per minute, done on a background thread; when the queue is full or the write fails, the
 * update is dropped (a last-used date is informative, not authoritative).
 */
final class TokenUsageRecorder implements AutoCloseable {

    static final Duration RESOLUTION = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(TokenUsageRecorder.class);

    private final BiConsumer<String, Instant> writer;
    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1024), runnable -> {
                Thread thread = new Thread(runnable, "confcdr-token-usage");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    TokenUsageRecorder(BiConsumer<String, Instant> writer) {
        this.writer = writer;
    }

    void record(String tokenId, Instant when) {
        boolean[] due = {false};
        lastWritten.compute(tokenId, (id, previous) -> {
            if (previous == null || !when.isBefore(previous.plus(RESOLUTION))) {
                due[0] = true;
                return when;
            }
            return previous;
        });
        if (due[0]) {
            executor.execute(() -> write(tokenId, when));
        }
    }

    private void write(String tokenId, Instant when) {
        try {
            writer.accept(tokenId, when);
        } catch (RuntimeException e) {
            lastWritten.remove(tokenId, when);
            LOG.warn("could not record token use ({})", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
