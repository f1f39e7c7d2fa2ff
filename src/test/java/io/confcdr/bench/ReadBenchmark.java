package io.confcdr.bench;

import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.model.Cdr;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side on a store of {@code records} generated CDRs, loaded through the store's own insert path
 * (no HTTP): an export-style walk following {@code next} over every record (records/s, heap), page 1
 * against the page after 40 000 records and a deep page, then GET by call_sid and a filtered, ordered
 * list of 1000 under 1/16/64 connections, each next to the same server JVM answering a constant body of
 * the same bytes.
 */
final class ReadBenchmark {

    static final String LIST = "/core/v2/app/conference/calls";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LOAD_BATCH = 5_000;
    private static final int[] CONNECTIONS = {1, 16, 64};

    private final String kind;
    private final long records;
    private final boolean pages;
    private final boolean load;
    private final Duration measured;

    ReadBenchmark(String kind, long records, boolean pages, boolean load, Duration measured) {
        this.kind = kind;
        this.records = records;
        this.pages = pages;
        this.load = load;
        this.measured = measured;
    }

    void run() throws Exception {
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(11));
        try (var store = BenchStore.open(kind, generator)) {
            String[] sids = fill(store);
            int port = store.startServer();
            String token = store.readToken(generator);
            if (pages) {
                pages(port, token);
            }
            if (load) {
                load(port, token, sids, generator);
            }
        }
    }

    /** Loads the store; returns a sample of 10 000 call_sids spread over it. */
    private String[] fill(BenchStore store) {
        String[] sample = new String[10_000];
        long every = Math.max(1, records / sample.length);
        Iterator<Cdr> traffic = new TrafficGenerator(TrafficSettings.ofSeed(11)).records(records);
        long start = System.nanoTime();
        long n = 0;
        int sampled = 0;
        while (traffic.hasNext()) {
            List<Cdr> batch = new ArrayList<>(LOAD_BATCH);
            while (batch.size() < LOAD_BATCH && traffic.hasNext()) {
                Cdr cdr = traffic.next();
                if (n++ % every == 0 && sampled < sample.length) {
                    sample[sampled++] = cdr.callSid();
                }
                batch.add(cdr);
            }
            store.storage().cdrs().insert(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Bench.say("loaded %,d records into %s in %.1f s (%.0f records/s through CdrStore.insert)", n, kind, seconds,
                n / seconds);
        if (kind.equals("postgres")) {
            store.storage().database().dsl().execute("ANALYZE cdr");
        }
        return java.util.Arrays.copyOf(sample, sampled);
    }

    private void pages(int port, String token) throws Exception {
        String first = LIST + "?limit=1000";
        String after40k = null;
        String deep = null;
        long deepAt = Math.max(40_000, records - 100_000);
        long seen = 0;
        int pageCount = 0;
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = usedAfterGc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        List<Long> checkpoints = new ArrayList<>();
        long[] pageNanos = new long[(int) (records / 1000) + 2];
        long start = System.nanoTime();
        try (var connection = new HttpConnection(port)) {
            String path = first;
            while (path != null && pageCount < pageNanos.length) {
                long sent = System.nanoTime();
                var response = connection.get(path, token);
                pageNanos[pageCount] = System.nanoTime() - sent;
                if (response.status() != 200) {
                    throw new IllegalStateException("page " + pageCount + " answered " + response.status());
                }
                JsonNode envelope = envelope(response.body());
                seen += envelope.get("count").asInt();
                pageCount++;
                JsonNode next = envelope.path("pagination").get("next");
                path = next == null ? null : pathOf(next.asString());
                if (seen == 40_000) {
                    after40k = path;
                }
                if (deep == null && seen >= deepAt) {
                    deep = path;
                }
                if (pageCount % Math.max(1, pageNanos.length / 5) == 0) {
                    checkpoints.add(usedHeap());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        long after = usedAfterGc();
        Bench.say("RESULT walk %s: %,d records in %d pages of 1000 in %.1f s = %.0f records/s", kind, seen, pageCount,
                seconds, seen / seconds);
        Bench.say("RESULT walk heap %s: live after GC %.0f MB before, %.0f MB after; peak used %.0f MB; used at 20%% steps %s MB (max heap %.0f MB)",
                kind, before / 1e6, after / 1e6, peak / 1e6, checkpoints.stream().map(b -> String.valueOf(b / 1_000_000)).toList(),
                Runtime.getRuntime().maxMemory() / 1e6);
        Bench.say("RESULT walk per-page %s: first 10%% %s, last 10%% %s", kind,
                new Latencies(java.util.Arrays.copyOfRange(pageNanos, 1, Math.max(2, pageCount / 10))).summary(),
                new Latencies(java.util.Arrays.copyOfRange(pageNanos, pageCount - pageCount / 10, pageCount)).summary());
        if (seen != records) {
            throw new IllegalStateException("walk saw " + seen + " records of " + records);
        }
        if (after40k == null || deep == null) {
            throw new IllegalStateException("no next link at the measured depths");
        }
        depth(port, token, first, after40k, deep, deepAt);
    }

    /** Alternates the three requests so that drift in machine load hits them alike. */
    private void depth(int port, String token, String first, String after40k, String deep, long deepAt) throws Exception {
        int rounds = 120;
        int warm = 20;
        long[][] nanos = new long[3][rounds - warm];
        String[] paths = {first, after40k, deep};
        try (var connection = new HttpConnection(port)) {
            for (int round = 0; round < rounds; round++) {
                for (int p = 0; p < paths.length; p++) {
                    long sent = System.nanoTime();
                    var response = connection.get(paths[p], token);
                    long took = System.nanoTime() - sent;
                    if (response.status() != 200) {
                        throw new IllegalStateException("depth request answered " + response.status());
                    }
                    if (round >= warm) {
                        nanos[p][round - warm] = took;
                    }
                }
            }
        }
        var page1 = new Latencies(nanos[0]);
        var at40k = new Latencies(nanos[1]);
        var atDeep = new Latencies(nanos[2]);
        Bench.say("RESULT depth %s: page 1 %s; after 40 000 %s; after %,d %s", kind, page1.summary(), at40k.summary(),
                deepAt, atDeep.summary());
        Bench.say("RESULT depth ratio %s: after 40 000 / page 1 = %.2f; after %,d / page 1 = %.2f (p50)", kind,
                at40k.millis(0.5) / page1.millis(0.5), deepAt, atDeep.millis(0.5) / page1.millis(0.5));
    }

    private void load(int port, String token, String[] sids, TrafficGenerator generator) throws Exception {
        var run = new LoadRun(port, token, Duration.ofSeconds(2), measured, 2_000_000);
        String partner = new TrafficGenerator(TrafficSettings.ofSeed(11)).records(1).next().partnerSid();
        String list = LIST + "?limit=1000&order=" + encode("date_stop desc") + "&filter=" + encode("partner_sid eq "
                + partner + " and date_stop ge 2024-12-02 and date_stop lt 2024-12-09");
        try (var connection = new HttpConnection(port)) {
            var one = connection.get(LIST + "/" + sids[0], token);
            var page = connection.get(list, token);
            if (one.status() != 200 || page.status() != 200 || JSON.readTree(page.body()).get("count").asInt() != 1000) {
                throw new IllegalStateException("sample requests did not answer a record and a full page");
            }
            try (var sidFloor = new ConstantBodyServer(one.body()); var listFloor = new ConstantBodyServer(page.body())) {
                var floorRun = new LoadRun(sidFloor.port(), token, Duration.ofSeconds(2), measured, 2_000_000);
                var listFloorRun = new LoadRun(listFloor.port(), token, Duration.ofSeconds(2), measured, 2_000_000);
                Bench.say("GET by call_sid on %s (body %,d bytes) vs constant body", kind, one.body().length);
                for (int connections : CONNECTIONS) {
                    var real = run.run(connections, (random, n) -> LIST + "/" + sids[random.nextInt(sids.length)]);
                    var floor = floorRun.run(connections, (random, n) -> "/floor");
                    report("get-by-sid", real, floor);
                }
                Bench.say("list 1000 (partner + 7-day date_stop range, order date_stop desc) on %s (body %,d bytes) vs constant body",
                        kind, page.body().length);
                for (int connections : CONNECTIONS) {
                    var real = run.run(connections, (random, n) -> list);
                    var floor = listFloorRun.run(connections, (random, n) -> "/floor");
                    report("list-1000", real, floor);
                }
            }
        }
    }

    private void report(String what, LoadRun.Result real, LoadRun.Result floor) {
        Bench.say("RESULT %s %s %2d conn: %.0f req/s (%s, errors %d); floor %.0f req/s (%s); ratio %.2f", what, kind,
                real.connections(), real.requestsPerSecond(), real.latencies().summary(), real.errors(),
                floor.requestsPerSecond(), floor.latencies().summary(), real.requestsPerSecond() / floor.requestsPerSecond());
    }

    /**
     * The page's envelope without its items: the keys are alphabetical, so {@code count} opens the body and
     * {@code pagination} closes it. Parsing only those keeps the client's share of the CPU small, as an
     * export client streaming items to a file would.
     */
    static JsonNode envelope(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8);
        int tailFrom = Math.max(0, body.length - 8192);
        String tail = new String(body, tailFrom, body.length - tailFrom, StandardCharsets.UTF_8);
        int pagination = tail.lastIndexOf("\"pagination\":");
        var envelope = (tools.jackson.databind.node.ObjectNode) JSON.readTree("{" + tail.substring(pagination));
        var count = java.util.regex.Pattern.compile("^\\{\"count\":(\\d+)").matcher(head);
        if (!count.find()) {
            throw new IllegalStateException("a list page that does not start with its count");
        }
        envelope.put("count", Integer.parseInt(count.group(1)));
        return envelope;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String pathOf(String absolute) {
        URI uri = URI.create(absolute);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long usedAfterGc() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
