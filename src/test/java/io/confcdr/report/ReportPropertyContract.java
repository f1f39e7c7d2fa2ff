package io.confcdr.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.auth.Caller;
import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Erasure;
import io.confcdr.model.ErasureMode;
import io.confcdr.query.Comparison;
import io.confcdr.query.Condition;
import io.confcdr.query.Filter;
import io.confcdr.query.Visibility;
import io.confcdr.store.ErasureStore;
import io.confcdr.model.Partner;
import io.confcdr.query.RandomCdrs;
import io.confcdr.query.RandomFilters;
import io.confcdr.store.InsertResult;
import io.confcdr.store.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports as a property, through the real HTTP API: for random partner trees, random legs around DST
 * changes (Europe/Paris, America/New_York) and in a half-hour zone (Asia/Kolkata), random tokens, filters,
 * groupings, zones, intervals and {@code rollup=tree}, every usage and concurrency report equals
 * {@link BruteForceReports} computed over exactly the legs the list route returns for the same filter and
 * token. Each usage report is also computed by both paths of {@link Reports} (scan, and the aggregates
 * where the planner allows; half the queries keep to what the aggregates hold, so a store that keeps them
 * must use them), with erasures (delete and redact) between the queries. Every seed builds its own tree in
 * one shared store. A failure names its seed and the request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReportPropertyContract {

    private static final int SEEDS = 50;
    private static final int USAGE_QUERIES = 4;
    private static final int CONCURRENCY_QUERIES = 2;
    private static final String LIST = "/core/v2/app/conference/calls";
    private static final String USAGE = "/core/v2/app/conference/reports/usage";
    private static final String CONCURRENCY = "/core/v2/app/conference/reports/concurrency";
    private static final List<String> KEYS = List.of("partner_sid", "meeting_sid", "meeting_room_sid", "bridge", "node",
            "direction", "role", "disconnect_cause", "custom_call_type", "hour", "day", "month");
    private static final List<String> AGGREGATED_KEYS = List.of("partner_sid", "direction", "role", "disconnect_cause",
            "custom_call_type", "hour", "day", "month");
    private static final List<String> SUMMARIZED_KEYS = List.of("partner_sid", "hour", "day", "month");
    private static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata",
            "Asia/Kathmandu");
    private static final List<String> INTERVALS = List.of("5m", "15m", "1h", "1d");
    /** RandomCdrs starts its legs here; each seed moves them next to one of the DST changes below. */
    private static final Instant RANDOM_CDRS_EPOCH = Instant.parse("2024-12-14T10:00:00Z");
    private static final List<Instant> AROUND = List.of(
            Instant.parse("2024-03-31T01:00:00Z"),  // Paris: 02:00 -> 03:00, a 23-hour day
            Instant.parse("2024-10-27T01:00:00Z"),  // Paris: 03:00 -> 02:00, a 25-hour day
            Instant.parse("2024-03-10T07:00:00Z"),  // New York: 02:00 -> 03:00
            Instant.parse("2024-11-03T06:00:00Z"),  // New York: 02:00 -> 01:00
            Instant.parse("2024-12-31T18:00:00Z")); // a new year: day and month edges in every zone
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Storage storage;
    private ApiServer server;

    /** An empty storage; closed after the last seed. */
    protected abstract Storage openStorage();

    @BeforeAll
    void start() {
        storage = openStorage();
        server = ApiServer.start(storage, new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES)
                .withRateLimit(1_000_000, 1_000_000), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        server.close();
        storage.close();
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, SEEDS).map(n -> n * 7_919).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyReportEqualsTheBruteForceOverTheListedLegs(long seed) {
        var random = new Random(seed);
        Map<String, String> parents = buildTree(seed, random);
        List<String> sids = new ArrayList<>(parents.keySet());
        sids.sort(null);
        Map<String, Cdr> stored = store(legs(random, sids));
        var filters = new RandomFilters(random, List.copyOf(stored.values()));

        String partner = sids.get(random.nextInt(sids.size()));
        boolean descendants = random.nextInt(4) != 0;
        Set<String> scopes = descendants ? Set.of(Scopes.APP_READ, Scopes.APP_READ_DESCENDANT)
                : Set.of(random.nextBoolean() ? Scopes.APP_READ : Scopes.APP_MANAGE);
        var issued = new TokenIssuer(storage.tokens(), Clock.systemUTC()).issue(partner, "report property", scopes, null);
        String secret = issued.secret();
        if (random.nextInt(4) == 0) {
            // Summaries refreshed first, so that only what the move marks makes them right again.
            new SummaryRefresh(storage.summaries(), SummaryRefresh.DEFAULT_MARKS).refreshAll(1000);
            move(random, parents);
        }
        Reports.Reader reader = new Reports(storage.cdrs(), storage.partners(), storage.usage(), storage.summaries())
                .readerFor(new Caller.Bearer(issued.token()));
        Set<String> visible = descendants ? subtree(parents, partner) : Set.of(partner);
        boolean wholeSubtree = visible.equals(subtree(parents, partner));

        for (int q = 0; q < USAGE_QUERIES; q++) {
            if (random.nextInt(3) == 0) {
                erase(random, seed, q, List.copyOf(stored.values()), sids);
            }
            if (random.nextBoolean()) {
                // Some marks left stale, some refreshed: the summaries path must be exact either way.
                new SummaryRefresh(storage.summaries(), 1 + random.nextInt(200)).refreshAll(random.nextInt(3));
            }
            // A third of the queries keep to what the summaries hold, a third to what the aggregates hold,
            // so that every path is compared on them.
            int kind = random.nextInt(3);
            boolean summarizable = kind == 0;
            boolean aggregatable = kind <= 1;
            Filter typed = summarizable ? dateStartFilter(random, stored.values())
                    : aggregatable ? aggregatableFilter(random, stored.values(), sids, filters)
                    : random.nextInt(3) == 0 ? null : filters.filter();
            String filter = typed == null ? null : filters.text(typed);
            List<String> groupBy = groupBy(random, summarizable ? SUMMARIZED_KEYS : aggregatable ? AGGREGATED_KEYS : KEYS);
            String zone = ZONES.get(random.nextInt(ZONES.size()));
            boolean rollup = groupBy.contains("partner_sid") && (summarizable || random.nextBoolean());
            Map<String, String> params = new LinkedHashMap<>();
            params.put("filter", filter);
            params.put("group_by", groupBy.isEmpty() && random.nextBoolean() ? "" : String.join(",", groupBy));
            params.put("tz", zone.equals("UTC") && random.nextBoolean() ? null : zone);
            params.put("rollup", rollup ? "tree" : null);
            String what = "seed %d, token of %s with %s, GET %s".formatted(seed, partner, scopes, USAGE + query(params));
            List<Cdr> listed = listed(secret, filter, stored, what);
            List<Map<String, Object>> expected = BruteForceReports.usage(listed, groupBy, ZoneId.of(zone),
                    rollup ? p -> subtree(parents, p) : null, visible);
            assertThat(allItems(USAGE, params, secret, what)).as(what).isEqualTo(asJson(expected));
            checkAPage(random, USAGE, params, secret, asJson(expected), what);
            checkEveryPath(reader, new UsageQuery(typed == null ? Filter.ALL : typed,
                    groupBy.stream().map(key -> GroupKey.byWireName(key).orElseThrow()).toList(), ZoneId.of(zone), rollup),
                    aggregatable, summarizable && wholeSubtree && withinSummaries(typed, groupBy), asJson(expected), what);
        }
        for (int q = 0; q < CONCURRENCY_QUERIES; q++) {
            String filter = random.nextInt(3) == 0 ? null : filters.text(filters.filter());
            String interval = INTERVALS.get(random.nextInt(INTERVALS.size()));
            String zone = ZONES.get(random.nextInt(ZONES.size()));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("filter", filter);
            params.put("interval", interval);
            params.put("tz", zone);
            String what = "seed %d, token of %s with %s, GET %s".formatted(seed, partner, scopes, CONCURRENCY + query(params));
            List<Cdr> listed = listed(secret, filter, stored, what);
            List<JsonNode> expected = asJson(BruteForceReports.concurrency(listed, interval, ZoneId.of(zone)));
            assertThat(allItems(CONCURRENCY, params, secret, what)).as(what).isEqualTo(expected);
            checkAPage(random, CONCURRENCY, params, secret, expected, what);
        }
    }

    /**
     * The scan path always, the aggregate path when the query keeps to what the aggregates hold, and the
     * summaries when it keeps to what they hold on a whole subtree (then the planner must choose them on a
     * store that keeps them), each equal to the brute force.
     */
    private void checkEveryPath(Reports.Reader reader, UsageQuery query, boolean aggregatable, boolean summarizable,
            List<JsonNode> expected, String what) {
        Reports.UsageAnswer scanned = reader.usage(query, UsagePlan.Path.SCAN);
        assertThat(asJson(scanned.rows(), query)).as(what + " (scan path)").isEqualTo(expected);
        if (aggregatable && storage.usage().keepsAggregates()) {
            Reports.UsageAnswer aggregated = reader.usage(query, UsagePlan.Path.AGGREGATES);
            assertThat(asJson(aggregated.rows(), query)).as(what + " (aggregate path)").isEqualTo(expected);
        }
        Reports.UsageAnswer chosen = reader.usage(query, null);
        if (summarizable && storage.summaries().keepsSummaries()) {
            assertThat(chosen.plan().path()).as(what + ": " + chosen.plan().reason()).isEqualTo(UsagePlan.Path.SUMMARIES);
        } else if (aggregatable && storage.usage().keepsAggregates()) {
            assertThat(chosen.plan().path()).as(what + ": " + chosen.plan().reason()).isNotEqualTo(UsagePlan.Path.SCAN);
        }
        assertThat(asJson(chosen.rows(), query)).as(what + " (" + chosen.plan() + ")").isEqualTo(expected);
    }

    /** Whether the summaries are exact for every group of this report (see {@link SummaryReading#exactFor}). */
    private static boolean withinSummaries(Filter filter, List<String> groupBy) {
        Long[] bounds = UsagePlanner.dateStartBounds(filter == null ? Filter.ALL : filter);
        var query = new UsageQuery(Filter.ALL, groupBy.stream().map(key -> GroupKey.byWireName(key).orElseThrow()).toList(),
                ZoneId.of("UTC"), groupBy.contains("partner_sid"));
        return SummaryReading.exactFor(query, bounds[0], bounds[1]);
    }

    /** Bounds on date_start only, at quarter hours around the legs (what the summaries can answer). */
    private static Filter dateStartFilter(Random random, java.util.Collection<Cdr> stored) {
        List<Cdr> legs = List.copyOf(stored);
        List<Condition> conditions = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            Cdr leg = legs.get(random.nextInt(legs.size()));
            long quarter = Math.floorDiv(leg.dateStart().toEpochMilli(), 900_000L) * 900_000L
                    + 900_000L * (random.nextInt(9) - 4);
            conditions.add(new Condition.Compare(CdrField.DATE_START, random.nextBoolean() ? Comparison.GE : Comparison.LT,
                    Instant.ofEpochMilli(quarter)));
        }
        return new Filter(conditions);
    }

    /**
     * Moves a partner of this seed's tree under another (never into its own subtree), as an operator may:
     * the subtrees above its old and new parent change.
     */
    private void move(Random random, Map<String, String> parents) {
        List<String> sids = new ArrayList<>(parents.keySet());
        String moved = sids.get(random.nextInt(sids.size()));
        Set<String> below = subtree(parents, moved);
        List<String> targets = sids.stream().filter(sid -> !below.contains(sid)).toList();
        String parent = targets.isEmpty() || random.nextInt(5) == 0 ? null : targets.get(random.nextInt(targets.size()));
        Partner current = storage.partners().find(moved).orElseThrow();
        storage.partners().update(new Partner(moved, current.name(), parent, current.status(), current.dateCreated()));
        parents.put(moved, parent);
    }

    /** Rows as the API writes them (the measures' JSON names), for comparing with the brute force. */
    private static List<JsonNode> asJson(List<UsageRow> rows, UsageQuery query) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (UsageRow row : rows) {
            Map<String, Object> map = new java.util.TreeMap<>();
            for (int i = 0; i < query.groupBy().size(); i++) {
                map.put(query.groupBy().get(i).wireName(), row.keys().get(i));
            }
            Measures m = row.measures();
            map.put("legs", m.legs());
            map.put("meetings", m.meetings());
            map.put("minutes", m.minutesText());
            map.put("billable_minutes", m.billableMinutes());
            map.put("joined_legs", m.joinedLegs());
            map.put("failed_legs", m.failedLegs());
            map.put("peak_concurrent_legs", m.peakConcurrentLegs());
            if (m.selfLegs() != null) {
                map.put("self_legs", m.selfLegs());
            }
            maps.add(map);
        }
        return asJson(maps);
    }

    /**
     * Conditions only on what the aggregates keep: partner_sid, direction, role, disconnect_cause,
     * custom_call_type, and date_start from or before a quarter hour (around the legs, so they cut them).
     */
    private static Filter aggregatableFilter(Random random, java.util.Collection<Cdr> stored, List<String> sids,
            RandomFilters filters) {
        List<Cdr> legs = List.copyOf(stored);
        List<Condition> conditions = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            Cdr leg = legs.get(random.nextInt(legs.size()));
            long quarter = Math.floorDiv(leg.dateStart().toEpochMilli(), 900_000L) * 900_000L
                    + 900_000L * (random.nextInt(9) - 4);
            conditions.add(switch (random.nextInt(7)) {
                case 0 -> new Condition.Compare(CdrField.DATE_START, Comparison.GE, Instant.ofEpochMilli(quarter));
                case 1 -> new Condition.Compare(CdrField.DATE_START, Comparison.LT, Instant.ofEpochMilli(quarter));
                case 2 -> new Condition.In(CdrField.PARTNER_SID, random.nextBoolean(),
                        List.of(sids.get(random.nextInt(sids.size())), sids.get(random.nextInt(sids.size()))));
                default -> {
                    // Any condition RandomFilters makes, on a kept field.
                    Condition any;
                    do {
                        any = filters.condition();
                    } while (!UsagePlanner.KEPT_FIELDS.contains(any.field()));
                    yield any;
                }
            });
        }
        return new Filter(conditions);
    }

    /**
     * Erases (deletes, or now and then redacts) the number of a random leg of this seed's partners, as the
     * operator: later reports must not count deleted legs, on either path.
     */
    private void erase(Random random, long seed, int q, List<Cdr> legs, List<String> sids) {
        Cdr leg = legs.get(random.nextInt(legs.size()));
        String number = leg.numberSrc() != null ? leg.numberSrc() : leg.numberDst();
        if (number == null) {
            return;
        }
        ErasureMode mode = random.nextInt(4) == 0 ? ErasureMode.REDACT : ErasureMode.DELETE;
        var erasure = new Erasure("er-" + seed + "-" + q, Instant.now(), mode, "0".repeat(64), 0, null, null);
        storage.erasures().erase(new ErasureStore.Command(erasure, number, null, null), new Visibility(Set.copyOf(sids)));
    }

    private static List<String> groupBy(Random random, List<String> allowed) {
        List<String> keys = new ArrayList<>();
        int count = random.nextInt(4);
        while (keys.size() < count) {
            // partner_sid and the calendar keys often: they carry the rollup and the zone logic.
            String key = random.nextBoolean() ? List.of("partner_sid", "hour", "day", "month").get(random.nextInt(4))
                    : allowed.get(random.nextInt(allowed.size()));
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private Map<String, String> buildTree(long seed, Random random) {
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        int size = 2 + random.nextInt(6);
        for (int i = 0; i < size; i++) {
            String sid = "r" + seed + "-p" + i;
            List<String> allowed = parents.keySet().stream().filter(s -> depth.get(s) < 4).toList();
            String parent = i == 0 || random.nextInt(6) == 0 ? null : allowed.get(random.nextInt(allowed.size()));
            storage.partners().create(new Partner(sid, "Partner " + i, parent, Partner.ACTIVE, Instant.parse("2024-01-01T00:00:00Z")));
            parents.put(sid, parent);
            depth.put(sid, parent == null ? 1 : depth.get(parent) + 1);
        }
        return parents;
    }

    private static Set<String> subtree(Map<String, String> parents, String root) {
        Set<String> found = new HashSet<>();
        for (String partner : parents.keySet()) {
            for (String p = partner; p != null; p = parents.get(p)) {
                if (p.equals(root)) {
                    found.add(partner);
                    break;
                }
            }
        }
        return found;
    }

    /**
     * RandomCdrs' legs moved next to a DST change or a year end, spread over a couple of days in steps of
     * quarter hours (so that legs of different hours still overlap), plus legs starting exactly when
     * another stops (touching, never overlapping).
     */
    private static List<Cdr> legs(Random random, List<String> sids) {
        Duration base = Duration.between(RANDOM_CDRS_EPOCH, AROUND.get(random.nextInt(AROUND.size())));
        List<Cdr> legs = new ArrayList<>();
        for (Cdr cdr : new RandomCdrs(random, sids).records(15 + random.nextInt(25))) {
            Duration shift = base.plusMinutes(15L * (random.nextInt(16 * 4 * 2) - 16 * 4));
            legs.add(moved(cdr, shift));
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            Cdr before = legs.get(random.nextInt(legs.size()));
            legs.add(moved(before, Duration.between(before.dateStart(), before.dateStop())).toBuilder()
                    .callSid(new UUID(random.nextLong(), random.nextLong()).toString()).build());
        }
        return legs;
    }

    private static Cdr moved(Cdr cdr, Duration shift) {
        return cdr.toBuilder()
                .dateStart(cdr.dateStart().plus(shift))
                .dateStop(cdr.dateStop().plus(shift))
                .dateJoin(cdr.dateJoin() == null ? null : cdr.dateJoin().plus(shift))
                .dateDisconnected(cdr.dateDisconnected() == null ? null : cdr.dateDisconnected().plus(shift))
                .build();
    }

    private Map<String, Cdr> store(List<Cdr> legs) {
        Map<String, Cdr> stored = new LinkedHashMap<>();
        for (InsertResult result : storage.cdrs().insert(legs)) {
            Cdr cdr = ((InsertResult.Stored) result).stored();
            stored.put(cdr.callSid(), cdr);
        }
        return stored;
    }

    /** The legs the list route returns for this filter and token: what every report must count. */
    private List<Cdr> listed(String secret, String filter, Map<String, Cdr> stored, String what) {
        String path = LIST + "?limit=1000&include_fields=call_sid" + (filter == null ? "" : "&filter=" + encode(filter));
        HttpResponse<String> response = get(path, secret);
        assertThat(response.statusCode()).as(what + " (list) -> " + response.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());
        assertThat(page.get("has_more").booleanValue()).as(what).isFalse();
        return page.get("items").valueStream().map(item -> stored.get(item.get("call_sid").stringValue())).toList();
    }

    private List<JsonNode> allItems(String route, Map<String, String> params, String secret, String what) {
        HttpResponse<String> response = get(route + query(params) + "&limit=1000", secret);
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());
        List<JsonNode> items = page.get("items").valueStream().toList();
        assertThat(page.get("total").intValue()).as(what).isEqualTo(items.size());
        return items;
    }

    /** A random window of the same report holds exactly that slice of the items, with has_more telling the rest. */
    private void checkAPage(Random random, String route, Map<String, String> params, String secret, List<JsonNode> all, String what) {
        int limit = 1 + random.nextInt(5);
        int offset = random.nextInt(all.size() + 2);
        String path = route + query(params) + "&limit=" + limit + "&offset=" + offset;
        HttpResponse<String> response = get(path, secret);
        assertThat(response.statusCode()).as(what + " " + path).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());
        List<JsonNode> slice = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        assertThat(page.get("items").valueStream().toList()).as(path).isEqualTo(slice);
        assertThat(page.get("has_more").booleanValue()).as(path).isEqualTo(offset + limit < all.size());
        assertThat(page.get("total").intValue()).as(path).isEqualTo(all.size());
    }

    private static List<JsonNode> asJson(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> JSON.readTree(JSON.writeValueAsString(row))).toList();
    }

    private static String query(Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((name, value) -> {
            if (value != null) {
                pairs.add(name + "=" + encode(value));
            }
        });
        return "?" + String.join("&", pairs);
    }

    private HttpResponse<String> get(String pathAndQuery, String secret) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .header("Authorization", "Bearer " + secret).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
