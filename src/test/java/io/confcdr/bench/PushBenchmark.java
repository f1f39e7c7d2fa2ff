package io.confcdr.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.auth.Scopes;
import io.confcdr.boot.Services;
import io.confcdr.generate.NdjsonWriter;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.model.Cdr;
import io.confcdr.push.PushSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Push end to end on the real server ({@code serve}'s delivery worker, default settings but for private
 * receivers): 10 subscriptions of the generator's root partner and its subtree, each posting to its own
 * receiver in this JVM that answers 204 at once. The store first holds {@code history} records written
 * through {@code CdrStore.insert}, and PostgreSQL's statistics are taken then (what autovacuum does within a
 * minute of a new table filling): the figures are of a store that has run a while, not of its first minute,
 * when every plan is made for an empty table (docs/decisions.md, "Push reads on a new PostgreSQL table").
 *
 * <ol>
 * <li>Latency: ingest over HTTP at a steady rate (batches every 50 ms) for {@code warmup} seconds, not
 * measured (the delivery path is compiled by the JIT then; its first seconds in a new JVM are several times
 * slower), then for {@code seconds}; for every record
 * and subscription, the time from the ingest answer to the receiver getting it (p50, p99).</li>
 * <li>Delivery rate: with the subscriptions paused, ingest {@code records} as fast as possible (4 senders,
 * batches of 1000) and time it; resume them all and time until every receiver has every record. The ratio
 * is records per second delivered to each subscription over records per second ingested.</li>
 * </ol>
 */
final class PushBenchmark {

    private static final long TICK_NANOS = Duration.ofMillis(50).toNanos();
    private static final String SUBSCRIPTIONS_PATH = "/core/v2/app/conference/subscriptions";
    private static final String INGEST_PATH = "/ingest/v1/conference/calls";

    private static final java.net.http.HttpClient ADMIN = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    private final String kind;
    private final int rate;
    private final Duration seconds;
    private final int records;
    private final int maxBatch;
    private final int subscriptions;
    private final int history;
    private final Duration warmup;
    private PhaseTimes phases;

    PushBenchmark(String kind, int rate, Duration seconds, int records, int maxBatch, int subscriptions, int history,
            Duration warmup) {
        this.kind = kind;
        this.rate = rate;
        this.seconds = seconds;
        this.records = records;
        this.maxBatch = maxBatch;
        this.subscriptions = subscriptions;
        this.history = history;
        this.warmup = warmup;
    }

    void run() throws Exception {
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(11));
        int perTick = Math.max(1, (int) (rate * TICK_NANOS / 1_000_000_000L));
        int ticks = (int) (seconds.toNanos() / TICK_NANOS);
        int warmupTicks = (int) (warmup.toNanos() / TICK_NANOS);
        Iterator<Cdr> traffic = generator.records((long) history + (long) perTick * (warmupTicks + ticks) + records);
        List<Cdr> past = new ArrayList<>(history);
        for (int i = 0; i < history; i++) {
            past.add(traffic.next());
        }
        List<byte[]> warming = bodies(traffic, perTick, warmupTicks);
        List<byte[]> steady = bodies(traffic, perTick, ticks);
        List<byte[]> burst = bodies(traffic, 1000, (records + 999) / 1000);
        Bench.say("push on %s: %d subscriptions (max_batch %d), %d CDR/s for %d s in batches of %d; then %,d records as fast as possible",
                kind, subscriptions, maxBatch, rate, seconds.toSeconds(), perTick, records);

        try (var store = BenchStore.open(kind, generator);
                Services services = Services.over(store.storage(), Clock.systemUTC(), PushSettings.DEFAULT.withAllowPrivateUrls(true))) {
            for (int from = 0; from < past.size(); from += 5000) {
                store.storage().cdrs().insert(past.subList(from, Math.min(past.size(), from + 5000)));
            }
            if (kind.equals("postgres")) {
                store.storage().database().dsl().execute("ANALYZE cdr");
            }
            Bench.say("  history: %,d records in the store before the subscriptions", past.size());
            services.startDelivery();
            phases = new PhaseTimes(services.metrics());
            ApiServer server = ApiServer.start(services,
                    new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES).withRateLimit(10_000_000, 10_000_000));
            List<Receiver> receivers = new ArrayList<>();
            try (var admin = new HttpConnection(server.port())) {
                String manager = store.token(generator, Scopes.APP_MANAGE, Scopes.APP_READ_DESCENDANT);
                String ingest = store.token(generator, Scopes.CDR_INGEST);
                List<String> sids = new ArrayList<>();
                for (int i = 0; i < subscriptions; i++) {
                    Receiver receiver = new Receiver();
                    receivers.add(receiver);
                    var created = admin.post(SUBSCRIPTIONS_PATH, manager, "application/json",
                            ("{\"url\":\"http://127.0.0.1:" + receiver.port() + "/cdrs\",\"max_batch\":" + maxBatch + "}")
                                    .getBytes(StandardCharsets.UTF_8));
                    if (created.status() != 201) {
                        throw new IllegalStateException("subscription not created: " + created.status() + " " + created.text());
                    }
                    String text = created.text();
                    int at = text.indexOf("\"subscription_sid\":\"") + 20;
                    sids.add(text.substring(at, text.indexOf('"', at)));
                }

                latency(server.port(), ingest, warming, receivers, false);
                latency(server.port(), ingest, steady, receivers, true);
                deliveryRate(server.port(), ingest, manager, sids, burst, receivers);
            } finally {
                server.close();
                receivers.forEach(Receiver::close);
            }
        }
    }

    private void latency(int port, String token, List<byte[]> bodies, List<Receiver> receivers, boolean measured) throws Exception {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (var connection = new HttpConnection(port)) {
            for (int i = 0; i < bodies.size(); i++) {
                long due = start + i * TICK_NANOS;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                var response = connection.post(INGEST_PATH, token, "application/x-ndjson", bodies.get(i));
                long at = System.nanoTime();
                if (response.status() != 200) {
                    throw new IllegalStateException("ingest answered " + response.status() + " " + response.text());
                }
                for (String callSid : callSids(bodies.get(i))) {
                    acknowledged.put(callSid, at);
                }
            }
        }
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        Bench.say("  %s: %,d records ingested in %.2f s (%.0f CDR/s)", measured ? "latency phase" : "warm-up",
                acknowledged.size(), ingestSeconds, acknowledged.size() / ingestSeconds);
        awaitAll(receivers, acknowledged.size(), Duration.ofSeconds(120));
        long[] latencies = new long[acknowledged.size() * receivers.size()];
        int n = 0;
        int early = 0;
        for (Receiver receiver : receivers) {
            for (Map.Entry<String, Long> entry : acknowledged.entrySet()) {
                long latency = receiver.firstReceived.get(entry.getKey()) - entry.getValue();
                if (latency < 0) {
                    early++; // the worker is woken before the ingest answer is written
                }
                latencies[n++] = Math.max(0, latency);
            }
        }
        long[] worstPerSecond = new long[(int) ((System.nanoTime() - start) / 1_000_000_000L) + 1];
        for (Receiver receiver : receivers) {
            for (Map.Entry<String, Long> entry : acknowledged.entrySet()) {
                int second = (int) ((entry.getValue() - start) / 1_000_000_000L);
                long latency = receiver.firstReceived.get(entry.getKey()) - entry.getValue();
                worstPerSecond[second] = Math.max(worstPerSecond[second], latency);
            }
        }
        StringBuilder worst = new StringBuilder();
        for (long w : worstPerSecond) {
            worst.append(' ').append(w / 1_000_000);
        }
        Bench.say("  worst latency (ms) of the records acknowledged in each second:%s", worst);
        var summary = new Latencies(latencies);
        if (!measured) {
            Bench.say("  warm-up latency: %s", summary.summary());
            phases.report("warm-up");
            receivers.forEach(Receiver::reset);
            return;
        }
        Bench.say("RESULT push latency %s: ingest ack -> receiver, %s, max %.0f ms; %d deliveries arrived before the ack",
                kind, summary.summary(), summary.millis(1.0), early);
        phases.report("latency");
        receivers.forEach(Receiver::reset);
    }

    private void deliveryRate(int port, String token, String manager, List<String> sids,
            List<byte[]> bodies, List<Receiver> receivers) throws Exception {
        for (String sid : sids) {
            patch(port, manager, sid, "paused");
        }
        long start = System.nanoTime();
        long accepted = send(port, token, bodies, 4);
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        double ingestRate = accepted / ingestSeconds;
        Bench.say("  rate phase: %,d records ingested in %.2f s (%.0f CDR/s), subscriptions paused", accepted, ingestSeconds, ingestRate);

        long resumed = System.nanoTime();
        for (String sid : sids) {
            patch(port, manager, sid, "active");
        }
        awaitAll(receivers, (int) accepted, Duration.ofSeconds(600));
        double drainSeconds = (System.nanoTime() - resumed) / 1e9;
        double deliveryRate = accepted / drainSeconds;
        long posts = receivers.stream().mapToLong(r -> r.requests.get()).sum();
        Bench.say("  drained %,d records to each of %d receivers in %.2f s (%,d deliveries)", accepted, receivers.size(),
                drainSeconds, posts);
        phases.report("rate");
        Bench.say("RESULT push rate %s: %.0f CDR/s delivered to each subscription (%.0f in all), ingest %.0f CDR/s, ratio %.2f",
                kind, deliveryRate, deliveryRate * receivers.size(), ingestRate, deliveryRate / ingestRate);
    }

    private static void patch(int port, String token, String sid, String status) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + SUBSCRIPTIONS_PATH + "/" + sid))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")).build();
        var response = ADMIN.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PATCH answered " + response.statusCode() + " " + response.body());
        }
    }

    private static void awaitAll(List<Receiver> receivers, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (receivers.stream().anyMatch(r -> r.firstReceived.size() < count)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not delivered within " + limit + ": "
                        + receivers.stream().map(r -> r.firstReceived.size()).toList() + " of " + count);
            }
            Thread.sleep(2);
        }
    }

    private static List<byte[]> bodies(Iterator<Cdr> traffic, int size, int count) {
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count && traffic.hasNext(); i++) {
            var body = new ByteArrayOutputStream(size * 1100);
            try (var writer = new NdjsonWriter(body)) {
                for (int j = 0; j < size && traffic.hasNext(); j++) {
                    writer.write(traffic.next());
                }
            }
            bodies.add(body.toByteArray());
        }
        return bodies;
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
                        var response = connection.post(INGEST_PATH, token, "application/x-ndjson", bodies.get(i));
                        if (response.status() != 200) {
                            throw new IllegalStateException("ingest answered " + response.status());
                        }
                        accepted.addAndGet(callSids(bodies.get(i)).size());
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

    /** The call_sids in an NDJSON body or a delivery, in order: every record names its call_sid once. */
    static List<String> callSids(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<String> sids = new ArrayList<>();
        for (int at = text.indexOf("\"call_sid\":\""); at >= 0; at = text.indexOf("\"call_sid\":\"", at)) {
            at += 12;
            int end = text.indexOf('"', at);
            sids.add(text.substring(at, end));
            at = end;
        }
        return sids;
    }

    /** The delivery worker's per-phase timers ({@code confcdr.push.delivery.phase}), as deltas since the last report. */
    private static final class PhaseTimes {
        private final io.micrometer.core.instrument.MeterRegistry registry;
        private final Map<String, double[]> last = new java.util.HashMap<>();

        PhaseTimes(io.micrometer.core.instrument.MeterRegistry registry) {
            this.registry = registry;
        }

        void report(String phase) {
            var line = new StringBuilder();
            List<io.micrometer.core.instrument.Timer> timers = new ArrayList<>(registry.find("confcdr.push.delivery.phase").timers());
            timers.addAll(registry.find("hikaricp.connections.acquire").timers());
            timers.addAll(registry.find("hikaricp.connections.usage").timers());
            for (var timer : timers) {
                String name = timer.getId().getTag("phase") != null ? timer.getId().getTag("phase")
                        : timer.getId().getName().replace("hikaricp.connections.", "pool-");
                double[] before = last.getOrDefault(name, new double[2]);
                double count = timer.count() - before[0];
                double millis = timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) - before[1];
                last.put(name, new double[] {timer.count(), timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)});
                line.append(String.format(" %s %.0f×%.2f ms", name, count, count == 0 ? 0 : millis / count));
            }
            Bench.say("RESULT push phases %s (count × mean):%s", phase, line);
        }
    }

    /** A receiver that answers 204 at once and remembers when it first got each call_sid. */
    private static final class Receiver implements AutoCloseable {

        final Map<String, Long> firstReceived = new ConcurrentHashMap<>();
        final AtomicLong requests = new AtomicLong();
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void reset() {
            firstReceived.clear();
            requests.set(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long at = System.nanoTime();
            requests.incrementAndGet();
            for (String sid : callSids(body)) {
                firstReceived.putIfAbsent(sid, at);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
