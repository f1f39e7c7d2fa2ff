package io.confcdr.bench;

import io.confcdr.auth.Scopes;
import io.confcdr.generate.NdjsonWriter;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.model.Cdr;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CDRs per second through {@code POST /ingest/v1/conference/calls} (NDJSON batches, a few concurrent
 * senders, the real server in this JVM) next to its floor: the same rows written raw ({@link RawInsert})
 * into another fresh store of the same database from the same process. Both stores start empty.
 */
final class IngestBenchmark {

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

    private final String kind;
    private final int records;
    private final int batchSize;
    private final int senders;

    IngestBenchmark(String kind, int records, int batchSize, int senders) {
        this.kind = kind;
        this.records = records;
        this.batchSize = batchSize;
        this.senders = senders;
    }

    void run() throws Exception {
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(7));
        List<List<Cdr>> batches = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        Iterator<Cdr> traffic = generator.records(records);
        while (traffic.hasNext()) {
            List<Cdr> batch = new ArrayList<>(batchSize);
            var body = new ByteArrayOutputStream(batchSize * 1100);
            try (var writer = new NdjsonWriter(body)) {
                while (batch.size() < batchSize && traffic.hasNext()) {
                    Cdr cdr = traffic.next();
                    batch.add(cdr);
                    writer.write(cdr);
                }
            }
            batches.add(batch);
            bodies.add(body.toByteArray());
        }
        long bytes = bodies.stream().mapToLong(body -> body.length).sum();
        Bench.say("ingest on %s: %,d records in %d batches of %,d (%.0f MB NDJSON), %d senders", kind, records,
                batches.size(), batchSize, bytes / 1e6, senders);

        // Warm the JIT on both paths with a small store first, so neither figure pays for compilation.
        warmUp(generator, batches.subList(0, Math.min(4, batches.size())), bodies.subList(0, Math.min(4, bodies.size())));

        double floor = floor(generator, batches);
        double http = http(generator, bodies);
        Bench.say("RESULT ingest %s: HTTP %.0f CDR/s, raw %s floor %.0f CDR/s, ratio %.2f", kind, http,
                kind.equals("postgres") ? "COPY" : "batched INSERT", floor, http / floor);
    }

    private void warmUp(TrafficGenerator generator, List<List<Cdr>> batches, List<byte[]> bodies) throws Exception {
        try (var store = BenchStore.open(kind, generator)) {
            new RawInsert(store.storage()).insert(batches);
        }
        try (var store = BenchStore.open(kind, generator)) {
            int port = store.startServer();
            send(port, store.token(generator, Scopes.CDR_INGEST), bodies, 1);
        }
    }

    private double floor(TrafficGenerator generator, List<List<Cdr>> batches) throws Exception {
        try (var store = BenchStore.open(kind, generator)) {
            var raw = new RawInsert(store.storage());
            long start = System.nanoTime();
            long rows = raw.insert(batches);
            double seconds = (System.nanoTime() - start) / 1e9;
            Bench.say("  floor: %,d rows in %.2f s", rows, seconds);
            return rows / seconds;
        }
    }

    private double http(TrafficGenerator generator, List<byte[]> bodies) throws Exception {
        try (var store = BenchStore.open(kind, generator)) {
            int port = store.startServer();
            String token = store.token(generator, Scopes.CDR_INGEST);
            long start = System.nanoTime();
            long accepted = send(port, token, bodies, senders);
            double seconds = (System.nanoTime() - start) / 1e9;
            Bench.say("  HTTP: %,d accepted in %.2f s", accepted, seconds);
            if (accepted != records) {
                throw new IllegalStateException("only " + accepted + " of " + records + " records were accepted");
            }
            return accepted / seconds;
        }
    }

    private static long send(int port, String token, List<byte[]> bodies, int senders) throws Exception {
        var next = new AtomicInteger();
        var accepted = new AtomicLong();
        var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (var connection = new HttpConnection(port)) {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        var response = connection.post("/ingest/v1/conference/calls", token, "application/x-ndjson",
                                bodies.get(i));
                        Matcher matcher = ACCEPTED.matcher(response.text());
                        if (response.status() / 100 != 2 || !matcher.find()) {
                            throw new IllegalStateException("ingest answered " + response.status());
                        }
                        accepted.addAndGet(Long.parseLong(matcher.group(1)));
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return accepted.get();
    }
}
