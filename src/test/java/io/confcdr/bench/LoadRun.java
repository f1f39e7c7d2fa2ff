package io.confcdr.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop load: a fixed number of keep-alive connections, each sending its next request as soon as
 * the previous answer is read. A warm-up phase is run and thrown away; the measured phase ends at its
 * duration or its request budget, whichever comes first.
 */
final class LoadRun {

    /** What one measured phase gave. */
    record Result(int connections, long requests, long errors, double seconds, Latencies latencies) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        String summary() {
            return String.format("%3d conn: %9.0f req/s, %s, errors %d", connections, requestsPerSecond(),
                    latencies.summary(), errors);
        }
    }

    private final int port;
    private final String token;

    int port() {
        return port;
    }

    String token() {
        return token;
    }

    private final Duration warmUp;
    private final Duration measured;
    private final long maxRequests;

    LoadRun(int port, String token, Duration warmUp, Duration measured, long maxRequests) {
        this.port = port;
        this.token = token;
        this.warmUp = warmUp;
        this.measured = measured;
        this.maxRequests = maxRequests;
    }

    /** Chooses each connection's next request; {@code previous} is the connection's last response, null at first. */
    @FunctionalInterface
    interface Paths {
        String next(SplittableRandom random, HttpConnection.Response previous);
    }

    /** @param paths the path of each request, from the connection's own random source and its last response */
    Result run(int connections, Paths paths) throws InterruptedException {
        return runEach(connections, () -> paths);
    }

    /** @param perConnection makes each connection's own {@link Paths}, for requests that keep state (a walk) */
    Result runEach(int connections, Supplier<Paths> perConnection) throws InterruptedException {
        phase(connections, warmUp, maxRequests, perConnection, false);
        return phase(connections, measured, maxRequests, perConnection, true);
    }

    private Result phase(int connections, Duration length, long budget, Supplier<Paths> pathsOfConnection, boolean record)
            throws InterruptedException {
        int perConnection = (int) Math.max(1, budget / connections);
        long[][] recorded = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        for (int c = 0; c < connections; c++) {
            int index = c;
            recorded[c] = new long[perConnection];
            threads.add(Thread.ofVirtual().start(() -> {
                var random = new SplittableRandom(index * 7919L + 1);
                Paths paths = pathsOfConnection.get();
                try (var connection = new HttpConnection(port)) {
                    int n = 0;
                    HttpConnection.Response response = null;
                    while (n < perConnection && System.nanoTime() < deadline) {
                        String path = paths.next(random, response);
                        long sent = System.nanoTime();
                        response = connection.get(path, token);
                        recorded[index][n++] = System.nanoTime() - sent;
                        if (response.status() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                    counts[index] = n;
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!record) {
            return null;
        }
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(recorded[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        return new Result(connections, total, errors.get(), seconds, new Latencies(all));
    }
}
