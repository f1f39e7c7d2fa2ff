package io.confcdr.bench;

import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.model.Cdr;
import io.confcdr.query.Visibility;
import io.confcdr.store.sql.CdrTable;
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
    private final String only;
    private final long walk;
    private final String keptSchema;

    /**
     * @param only {@code get-by-sid}, {@code list-1000} or {@code next-walk} to run just that request under
     *     load, or null for all three
     * @param walk how many records the export-style walk follows {@code next} over (at most all of them)
     * @param keptSchema a PostgreSQL schema to load once and reuse in later runs, or null
     */
    ReadBenchmark(String kind, long records, boolean pages, boolean load, Duration measured, String only, long walk,
            String keptSchema) {
        this.kind = kind;
        this.records = records;
        this.pages = pages;
        this.load = load;
        this.measured = measured;
        this.only = only;
        this.walk = Math.min(walk, records);
        this.keptSchema = keptSchema;
    }

    void run() throws Exception {
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(11));
        try (var store = BenchStore.open(kind, generator, keptSchema)) {
            String[] sids = fill(store, records, keptSchema);
            int port = store.startServer();
            String token = store.readToken(generator);
            if (pages) {
                pages(store, port, token);
            }
            if (load) {
                load(store, port, token, sids, generator);
            }
        }
    }

    /**
     * Loads the store with the generator's records (seed 11), unless a kept store already holds them;
     * returns 10 000 call_sids spread over it. Legs another benchmark added on top (its meeting of
     * {@link MeetingBenchmark#LEGS} legs) are not counted.
     */
    static String[] fill(BenchStore store, long records, String keptSchema) {
        String kind = store.kind();
        var dsl = store.storage().database().dsl();
        var table = new CdrTable(store.storage().database().dialect());
        long present = dsl.fetchCount(table.table())
                - dsl.fetchCount(table.table(), table.text(io.confcdr.model.CdrField.MEETING_SID).eq(MeetingBenchmark.MEETING_SID));
        if (present == records) {
            long every = Math.max(1, records / 10_000);
            Bench.say("reusing the %,d records of schema %s", present, keptSchema);
            return dsl.select(table.callSid()).from(table.table())
                    .where(table.seq().mod(every).eq(1L)).limit(10_000)
                    .fetch(table.callSid()).toArray(String[]::new);
        }
        if (present != 0) {
            throw new IllegalStateException("schema " + keptSchema + " holds " + present + " records, not " + records
                    + "; drop it or choose another");
        }
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

    private void pages(BenchStore store, int port, String token) throws Exception {
        String first = LIST + "?limit=1000";
        String after40k = null;
        long seen = 0;
        int pageCount = 0;
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = usedAfterGc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        List<Long> checkpoints = new ArrayList<>();
        long[] pageNanos = new long[(int) (walk / 1000) + 2];
        long start = System.nanoTime();
        try (var connection = new HttpConnection(port)) {
            String path = first;
            while (path != null && seen < walk) {
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
        if (seen != walk) {
            throw new IllegalStateException("walk saw " + seen + " records of " + walk);
        }
        if (after40k == null) {
            throw new IllegalStateException("no next link after 40 000 records");
        }
        long middle = Math.max(40_000, records / 2);
        long nearEnd = Math.max(40_000, records - 100_000);
        depth(port, token, first, after40k, List.of(middle, nearEnd),
                List.of(nextAfter(store, after40k, middle), nextAfter(store, after40k, nearEnd)));
    }

    /**
     * The {@code next} link a client holds after following {@code next} through the first {@code position}
     * records in the default order (insertion order): the 40 000 link with its cursor moved to the record
     * at that position, read from the table rather than walked to, so that depth on a 10 M store costs no
     * 10 M-record walk. The walk above checks that links have exactly this form.
     */
    private static String nextAfter(BenchStore store, String after40k, long position) {
        var table = new CdrTable(store.storage().database().dialect());
        String sid = store.storage().database().dsl().select(table.callSid()).from(table.table())
                .orderBy(table.seq()).limit(1).offset(position - 1).fetchOne(table.callSid());
        String link = after40k.replaceFirst("after=[^&]*", "after=" + encode(sid));
        if (link.equals(after40k) && position != 40_000) {
            throw new IllegalStateException("the next link carries no after= cursor: " + after40k);
        }
        return link;
    }

    /** Alternates the requests so that drift in machine load hits them alike. */
    private void depth(int port, String token, String first, String after40k, List<Long> deepAt, List<String> deep)
            throws Exception {
        int rounds = 120;
        int warm = 20;
        List<String> pathList = new ArrayList<>(List.of(first, after40k));
        pathList.addAll(deep);
        String[] paths = pathList.toArray(String[]::new);
        long[][] nanos = new long[paths.length][rounds - warm];
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
        Bench.say("RESULT depth %s: page 1 %s", kind, page1.summary());
        List<Long> positions = new ArrayList<>(List.of(40_000L));
        positions.addAll(deepAt);
        for (int p = 1; p < paths.length; p++) {
            var at = new Latencies(nanos[p]);
            Bench.say("RESULT depth %s: after %,d records %s; ratio to page 1 (p50) %.2f", kind, positions.get(p - 1),
                    at.summary(), at.millis(0.5) / page1.millis(0.5));
        }
    }

    private void load(BenchStore store, int port, String token, String[] sids, TrafficGenerator generator)
            throws Exception {
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
            store.setFloorBody("sid", one.body());
            store.setFloorBody("list", page.body());
            try (var sidFloor = new ConstantBodyServer(one.body()); var listFloor = new ConstantBodyServer(page.body())) {
                var floorRun = new LoadRun(sidFloor.port(), token, Duration.ofSeconds(2), measured, 2_000_000);
                var listFloorRun = new LoadRun(listFloor.port(), token, Duration.ofSeconds(2), measured, 2_000_000);
                Bench.say("GET by call_sid on %s (body %,d bytes) vs constant body", kind, one.body().length);
                for (int connections : only == null || only.equals("get-by-sid") ? CONNECTIONS : new int[0]) {
                    var real = run.run(connections, (random, previous) -> LIST + "/" + sids[random.nextInt(sids.length)]);
                    var sameServer = run.run(connections, (random, previous) -> BenchStore.FLOOR_PATH + "sid");
                    var floor = floorRun.run(connections, (random, previous) -> "/floor");
                    report("get-by-sid", real, sameServer, floor);
                }
                Bench.say("list 1000 (partner + 7-day date_stop range, order date_stop desc) on %s (body %,d bytes) vs constant body",
                        kind, page.body().length);
                for (int connections : only == null || only.equals("list-1000") ? CONNECTIONS : new int[0]) {
                    var real = run.run(connections, (random, previous) -> list);
                    var sameServer = run.run(connections, (random, previous) -> BenchStore.FLOOR_PATH + "list");
                    var floor = listFloorRun.run(connections, (random, previous) -> "/floor");
                    report("list-1000", real, sameServer, floor);
                }
                if (only == null || only.equals("list-1000")) {
                    jdbcFloor(store, port, token, list, generator);
                }
                if (only == null || only.equals("next-walk")) {
                    nextWalk(store, run);
                }
            }
        }
    }

    /**
     * Every connection follows {@code next} from page 1 (limit 1000, default order) through 100 pages, then
     * starts over: an export of 100 000 records per connection. The floor answers page 1's bytes.
     */
    private void nextWalk(BenchStore store, LoadRun run) throws Exception {
        String first = LIST + "?limit=1000";
        int pagesPerWalk = 100;
        byte[] page1;
        try (var connection = new HttpConnection(run.port())) {
            page1 = connection.get(first, run.token()).body();
        }
        store.setFloorBody("page1", page1);
        try (var floorServer = new ConstantBodyServer(page1)) {
            var floorRun = new LoadRun(floorServer.port(), run.token(), Duration.ofSeconds(2), measured, 2_000_000);
            Bench.say("next-walk (100 pages of 1000 from page 1, then again) on %s vs constant body (%,d bytes)", kind,
                    page1.length);
            for (int connections : CONNECTIONS) {
                var real = run.runEach(connections, () -> new Walker(first, pagesPerWalk));
                var sameServer = run.run(connections, (random, previous) -> BenchStore.FLOOR_PATH + "page1");
                var floor = floorRun.run(connections, (random, previous) -> "/floor");
                report("next-walk", real, sameServer, floor);
            }
        }
    }

    /** One connection's walk: page 1, then its {@code next} link, until {@code pages} pages or the end; again. */
    private static final class Walker implements LoadRun.Paths {
        private final String first;
        private final int pages;
        private int walked;

        Walker(String first, int pages) {
            this.first = first;
            this.pages = pages;
        }

        @Override
        public String next(java.util.SplittableRandom random, HttpConnection.Response previous) {
            String nextLink = null;
            if (previous != null && previous.status() == 200 && walked < pages) {
                JsonNode link = envelope(previous.body()).path("pagination").get("next");
                nextLink = link == null ? null : pathOf(link.asString());
            }
            walked = nextLink == null ? 1 : walked + 1;
            return nextLink == null ? first : nextLink;
        }
    }

    /**
     * List 1000 over HTTP against the same SQL through plain JDBC plus serialisation, one request at a time,
     * interleaved so that drift in machine load hits both alike.
     */
    private void jdbcFloor(BenchStore store, int port, String token, String list, TrafficGenerator generator)
            throws Exception {
        var visibility = new Visibility(store.storage().partners()
                .subtree(generator.rootPartner().sid()));
        int rounds = 120;
        int warm = 20;
        long[] api = new long[rounds - warm];
        long[] jdbc = new long[rounds - warm];
        try (var floor = new JdbcListFloor(store.storage().database(), store.jdbcUrl(), list, visibility);
                var connection = new HttpConnection(port)) {
            for (int round = 0; round < rounds; round++) {
                long sent = System.nanoTime();
                var response = connection.get(list, token);
                long apiTook = System.nanoTime() - sent;
                long started = System.nanoTime();
                int rows = floor.run();
                long jdbcTook = System.nanoTime() - started;
                if (response.status() != 200 || rows != 1001) {
                    throw new IllegalStateException("list answered " + response.status() + ", floor read " + rows + " rows");
                }
                if (round >= warm) {
                    api[round - warm] = apiTook;
                    jdbc[round - warm] = jdbcTook;
                }
            }
            var apiLatency = new Latencies(api);
            var jdbcLatency = new Latencies(jdbc);
            Bench.say("list-1000 JDBC floor SQL: %s", floor.sql());
            Bench.say("RESULT list-1000-vs-jdbc %s 1 conn: API %s; SQL through JDBC + serialisation %s; ratio (p50) %.2f",
                    kind, apiLatency.summary(), jdbcLatency.summary(), apiLatency.millis(0.5) / jdbcLatency.millis(0.5));
        }
    }

    /**
     * Two floors, both answering the same bytes as a constant body: the API server itself on an extra
     * route (the floor: same Jetty settings, request logging and error handling; no auth, no
     * store), and a bare Javalin in the same JVM (stricter: none of the server's per-request work).
     */
    private void report(String what, LoadRun.Result real, LoadRun.Result sameServer, LoadRun.Result bare) {
        Bench.say("RESULT %s %s %2d conn: %.0f req/s (%s, errors %d); same-server floor %.0f req/s (%s); ratio %.2f; "
                        + "bare floor %.0f req/s (%s); ratio %.2f", what, kind,
                real.connections(), real.requestsPerSecond(), real.latencies().summary(), real.errors(),
                sameServer.requestsPerSecond(), sameServer.latencies().summary(),
                real.requestsPerSecond() / sameServer.requestsPerSecond(),
                bare.requestsPerSecond(), bare.latencies().summary(), real.requestsPerSecond() / bare.requestsPerSecond());
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
