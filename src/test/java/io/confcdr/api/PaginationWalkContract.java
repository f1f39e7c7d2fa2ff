package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.Seconds;
import io.confcdr.model.Timestamps;
import io.confcdr.store.TestRecords;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The pagination promise of API.md §2.1 over HTTP on a large store: a client that follows
 * {@code pagination.next} from the first page to the last receives every matching record exactly once and
 * in the requested order, while bridges keep ingesting new records through the same server. Walking
 * {@code previous} back from the last page yields the same records.
 *
 * <p>50 000 records are loaded through the store (batches of 5 000); the concurrent records arrive
 * through HTTP ingest from several writers at once, paced by {@link ConcurrentIngest} so that batches
 * commit throughout the walk rather than only at its start.
 */
abstract class PaginationWalkContract extends AbstractApiTest {

    private static final String LIST = "/core/v2/app/conference/calls";
    private static final int ORIGINALS = 50_000;
    private static final int LOAD_BATCH = 5_000;
    private static final int PAGE = 1000;
    private static final Instant FIRST_START = Instant.parse("2024-12-02T08:00:00Z");
    /** Originals start 7 s apart and last 46.5 s, so their date_stop rises strictly with their index. */
    private static final Duration SPACING = Duration.ofSeconds(7);

    /** The URL of the last page the latest {@link #walk} read. */
    private String lastPageUrl;

    /** The originals' call_sids in insertion order. */
    private List<String> loadOriginals() {
        List<String> sids = new ArrayList<>(ORIGINALS);
        for (int from = 0; from < ORIGINALS; from += LOAD_BATCH) {
            List<Cdr> batch = IntStream.range(from, from + LOAD_BATCH)
                    .mapToObj(i -> leg("4f1a9c2e-7d3b-4e8a-9b61-%012d".formatted(i), FIRST_START.plus(SPACING.multipliedBy(i)), i))
                    .toList();
            storage.cdrs().insert(batch);
            batch.forEach(cdr -> sids.add(cdr.callSid()));
        }
        return sids;
    }

    /** A realistic participant leg: joins 16 s after dialling in, stays 30 s, hangs up half a second later. */
    static Cdr leg(String callSid, Instant start, int n) {
        Instant join = start.plusSeconds(16);
        Instant disconnected = join.plusSeconds(30);
        Instant stop = disconnected.plusMillis(500);
        return TestRecords.carrierxSample().toBuilder()
                .addressSrc("<sip:+1760%07d@12.34.56.78>".formatted(n))
                .callSid(callSid)
                .dateDisconnected(disconnected)
                .dateInsert(null)
                .dateJoin(join)
                .dateStart(start)
                .dateStop(stop)
                .duration(Seconds.ofMillis(Duration.between(start, stop).toMillis()))
                .durationMeeting(Seconds.ofMillis(Duration.between(join, disconnected).toMillis()))
                .meetingSid("69057c3e-bb90-4ed3-9c53-%012d".formatted(n / 40))
                .numberSrc("+1760%07d".formatted(n))
                .partnerSid(ACME)
                .role("participant")
                .build();
    }

    @Test
    void followingNextInInsertionOrderWhileRecordsArriveReturnsEveryRecordOnceInOrder() throws Exception {
        List<String> originals = loadOriginals();

        List<JsonNode> forward;
        Set<String> ingested;
        try (var writers = new ConcurrentIngest(this, FIRST_START, ORIGINALS * SPACING.toSeconds())) {
            forward = walk(url(LIST + "?limit=" + PAGE), "next", writers);
            ingested = writers.stopAndCollect();
        }
        List<String> forwardSids = sids(forward);

        assertThat(ingested).as("records ingested during the walk").isNotEmpty();
        assertThat(forwardSids.subList(0, ORIGINALS)).as("the originals, in insertion order").isEqualTo(originals);
        assertThat(new HashSet<>(forwardSids)).as("no record twice").hasSize(forwardSids.size());
        assertThat(ingested).as("every concurrent record listed had been acknowledged").containsAll(forwardSids.subList(ORIGINALS, forwardSids.size()));

        // The last page, fetched again, also shows what the writers committed after the walk ended.
        List<String> backwardSids = sids(walkBackFrom(lastPageUrl));
        assertThat(backwardSids.subList(0, forwardSids.size()))
                .as("previous from the last page yields the same records in the same order").isEqualTo(forwardSids);
        assertThat(ingested).containsAll(backwardSids.subList(forwardSids.size(), backwardSids.size()));
    }

    @Test
    void followingNextByDateStopDescendingWithAFilterWhileRecordsArriveReturnsEveryMatchingRecordOnce() throws Exception {
        List<String> originals = loadOriginals();
        int firstMatching = 10_000;
        Instant bound = leg("x", FIRST_START.plus(SPACING.multipliedBy(firstMatching)), 0).dateStop();
        String filter = "date_stop ge " + Timestamps.format(bound);
        String first = LIST + "?filter=" + encode(filter) + "&order=" + encode("date_stop desc")
                + "&include_fields=call_sid,date_stop&limit=" + PAGE;

        List<JsonNode> forward;
        Set<String> ingested;
        try (var writers = new ConcurrentIngest(this, FIRST_START, ORIGINALS * SPACING.toSeconds())) {
            forward = walk(url(first), "next", writers);
            ingested = writers.stopAndCollect();
        }

        List<String> expectedOriginals = originals.subList(firstMatching, ORIGINALS).reversed();
        assertWalk(forward, expectedOriginals, ingested, bound);
        List<JsonNode> backward = walkBackFrom(lastPageUrl);
        assertWalk(backward, expectedOriginals, ingested, bound);
        assertThat(isSubsequence(sids(forward), sids(backward)))
                .as("the forward walk is the backward walk minus records that arrived behind its cursor").isTrue();
    }

    /** Every item matches, keys and orders as requested; the originals appear exactly once, in order; nothing twice. */
    private static void assertWalk(List<JsonNode> items, List<String> expectedOriginals, Set<String> ingested, Instant bound) {
        List<String> sids = sids(items);
        assertThat(new HashSet<>(sids)).as("no record twice").hasSize(sids.size());
        Set<String> originalSet = new HashSet<>(expectedOriginals);
        assertThat(sids.stream().filter(originalSet::contains).toList()).as("every matching original once, latest first")
                .isEqualTo(expectedOriginals);
        assertThat(sids.stream().filter(sid -> !originalSet.contains(sid)).toList())
                .as("the others are acknowledged concurrent records").allMatch(ingested::contains);
        Instant previous = Instant.MAX;
        for (JsonNode item : items) {
            assertThat(item.propertyNames()).containsExactly("call_sid", "date_stop");
            Instant stop = Instant.parse(item.get("date_stop").stringValue());
            assertThat(stop).as(item.toString()).isAfterOrEqualTo(bound).isBeforeOrEqualTo(previous);
            previous = stop;
        }
    }

    /**
     * Follows {@code link} from {@code url} until it is absent, returning the items in the order visited;
     * remembers the URL of the last page. Between pages it lets the concurrent writers catch up.
     */
    private List<JsonNode> walk(String url, String link, ConcurrentIngest writers) {
        List<JsonNode> items = new ArrayList<>();
        String next = url;
        while (next != null) {
            lastPageUrl = next;
            JsonNode page = fetch(next);
            page.get("items").forEach(items::add);
            next = page.get("pagination").has(link) ? page.get("pagination").get(link).stringValue() : null;
            writers.pageRead();
        }
        return items;
    }

    /** The last page's items preceded by every page reached through {@code previous}, in listing order. */
    private List<JsonNode> walkBackFrom(String lastPage) {
        Deque<List<JsonNode>> pages = new ArrayDeque<>();
        String url = lastPage;
        while (url != null) {
            JsonNode page = fetch(url);
            List<JsonNode> items = new ArrayList<>();
            page.get("items").forEach(items::add);
            pages.addFirst(items);
            url = page.get("pagination").has("previous") ? page.get("pagination").get("previous").stringValue() : null;
        }
        List<JsonNode> all = new ArrayList<>();
        pages.forEach(all::addAll);
        return all;
    }

    private JsonNode fetch(String absoluteUrl) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(absoluteUrl))
                .header("Authorization", "Bearer " + acmeReader).GET().build());
        assertThat(response.statusCode()).as(absoluteUrl + ": " + response.body()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("count").intValue()).isEqualTo(page.get("items").size());
        return page;
    }

    private static List<String> sids(List<JsonNode> items) {
        return items.stream().map(item -> item.get("call_sid").stringValue()).toList();
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        Iterator<String> cursor = whole.iterator();
        outer:
        for (String sid : part) {
            while (cursor.hasNext()) {
                if (cursor.next().equals(sid)) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Three bridges posting batches of 100 records through HTTP ingest at once, with start times spread
     * over the originals' range (so a date-ordered walk meets them ahead of and behind its cursor). They
     * keep pace with the walk: at most a few batches ahead of the pages read, and the walk reads its next
     * page only once as many batches as pages have been acknowledged. The total is capped so that a walk
     * in insertion order, which sees every new record, reaches its end.
     */
    static final class ConcurrentIngest implements AutoCloseable {

        private static final int WRITERS = 3;
        private static final int BATCH = 100;
        private static final int MAX_BATCHES = 60;

        private final AbstractApiTest api;
        private final Instant rangeStart;
        private final long rangeSeconds;
        private final Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Map<Integer, Throwable> failures = new HashMap<>();
        private final List<Thread> threads = new ArrayList<>();
        private int pagesRead;
        private int batchesStarted;
        private int batchesAcknowledged;
        private boolean stopped;

        ConcurrentIngest(AbstractApiTest api, Instant rangeStart, long rangeSeconds) {
            this.api = api;
            this.rangeStart = rangeStart;
            this.rangeSeconds = rangeSeconds;
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                threads.add(Thread.ofPlatform().name("bridge-" + w).start(() -> run(writer)));
            }
        }

        private void run(int writer) {
            var random = new java.util.Random(20241202L + writer);
            try {
                int batch;
                while ((batch = nextBatch()) >= 0) {
                    List<Cdr> records = new ArrayList<>(BATCH);
                    for (int i = 0; i < BATCH; i++) {
                        int n = batch * BATCH + i;
                        // 3 s off the originals' 7 s grid: concurrent date_stops never tie with an original's.
                        Instant start = rangeStart.plusSeconds(random.nextLong(rangeSeconds / 7) * 7 + 3);
                        records.add(leg("b7e1d2c4-0a5f-4c3e-8d2b-%012d".formatted(n), start, n));
                    }
                    HttpResponse<String> response = api.postNdjson(ndjson(records));
                    if (response.statusCode() != 200) {
                        throw new AssertionError("ingest answered " + response.statusCode() + ": " + response.body());
                    }
                    records.forEach(cdr -> acknowledged.add(cdr.callSid()));
                    acknowledgedOne();
                }
            } catch (Throwable e) {
                synchronized (this) {
                    failures.put(writer, e);
                    stopped = true;
                    notifyAll();
                }
            }
        }

        /** The next batch number, once the walk is close enough; -1 when stopped or capped. */
        private synchronized int nextBatch() throws InterruptedException {
            while (!stopped && batchesStarted < MAX_BATCHES && batchesStarted >= pagesRead + WRITERS) {
                wait();
            }
            return stopped || batchesStarted >= MAX_BATCHES ? -1 : batchesStarted++;
        }

        private synchronized void acknowledgedOne() {
            batchesAcknowledged++;
            notifyAll();
        }

        /** Called by the walk after each page: waits until as many batches as pages are committed. */
        synchronized void pageRead() {
            pagesRead++;
            notifyAll();
            try {
                while (!stopped && batchesAcknowledged < Math.min(pagesRead, MAX_BATCHES)) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Stops the writers, waits for them, and returns the call_sids every acknowledged batch stored. */
        Set<String> stopAndCollect() throws InterruptedException {
            synchronized (this) {
                stopped = true;
                notifyAll();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            synchronized (this) {
                if (!failures.isEmpty()) {
                    throw new AssertionError("a concurrent writer failed", failures.values().iterator().next());
                }
            }
            return Set.copyOf(acknowledged);
        }

        @Override
        public void close() throws InterruptedException {
            stopAndCollect();
        }
    }
}
