package io.confcdr.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.model.Cdr;
import io.confcdr.model.Partner;
import io.confcdr.query.RandomCdrs;
import io.confcdr.query.RandomFilters;
import io.confcdr.store.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Meetings as a property, through the real HTTP API: for random partner trees, random legs across them
 * (several meetings, legs without a meeting, ties everywhere), tokens with random scopes, random filters,
 * orders, limits and offsets, every meeting page and every single meeting equals a brute-force answer
 * computed here from what the list route returns to the same token: its visible legs grouped by
 * meeting_sid, each number counted plainly. A failure names its seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MeetingPropertyContract {

    private static final int SEEDS = 25;
    private static final int TOKENS_PER_SEED = 4;
    private static final int QUERIES_PER_TOKEN = 6;
    private static final String CALLS = "/core/v2/app/conference/calls";
    private static final String MEETINGS = "/core/v2/app/conference/meetings";
    private static final List<String> ORDER_KEYS =
            List.of("date_start", "date_stop", "legs", "meeting_sid", "minutes", "peak_concurrent_legs");
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
    void everyMeetingAnswerEqualsABruteForceOverTheListedLegs(long seed) {
        var random = new Random(seed);
        Map<String, String> parents = new HashMap<>();
        List<Cdr> records = buildWorld(seed, random, parents);
        var filters = new RandomFilters(random, records);
        List<String> partners = parents.keySet().stream().sorted().toList();
        for (int t = 0; t < TOKENS_PER_SEED; t++) {
            String partner = partners.get(random.nextInt(partners.size()));
            Set<String> scopes = new LinkedHashSet<>(List.of(random.nextBoolean() ? Scopes.APP_READ : Scopes.APP_MANAGE));
            if (random.nextBoolean()) {
                scopes.add(Scopes.APP_READ_DESCENDANT);
            }
            String secret = new TokenIssuer(storage.tokens(), Clock.systemUTC()).issue(partner, "meetings", scopes, null).secret();
            String context = "seed %d, token of %s with %s".formatted(seed, partner, scopes);
            Map<String, List<JsonNode>> visible = meetingsOf(listed(secret, null, context));
            for (int q = 0; q < QUERIES_PER_TOKEN; q++) {
                checkList(random, filters, secret, visible, context);
                checkOne(random, records, secret, visible, context);
            }
        }
    }

    private List<Cdr> buildWorld(long seed, Random random, Map<String, String> parents) {
        List<String> sids = new ArrayList<>();
        int size = 2 + random.nextInt(6);
        for (int i = 0; i < size; i++) {
            String sid = "m" + seed + "-p" + i;
            String parent = i == 0 || random.nextInt(6) == 0 ? null : sids.get(random.nextInt(sids.size()));
            storage.partners().create(new Partner(sid, "Partner " + i, parent, Partner.ACTIVE, Instant.parse("2024-01-01T00:00:00Z")));
            parents.put(sid, parent);
            sids.add(sid);
        }
        List<Cdr> records = new ArrayList<>();
        // Several generators: each invents 4 meetings, so a seed has a dozen meetings spread over partners.
        for (int g = 0; g < 3; g++) {
            records.addAll(new RandomCdrs(random, sids).records(10 + random.nextInt(40)));
        }
        storage.cdrs().insert(records);
        return records;
    }

    /** Every leg the list route gives this token (matching the filter when there is one), full records. */
    private List<JsonNode> listed(String secret, String filter, String context) {
        String query = CALLS + "?limit=1000" + (filter == null ? "" : "&filter=" + encode(filter));
        HttpResponse<String> response = get(query, secret);
        assertThat(response.statusCode()).as(context + ", GET " + query + " -> " + response.body()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("has_more").booleanValue()).as(context + ": the world fits one page").isFalse();
        return page.get("items").valueStream().toList();
    }

    private static Map<String, List<JsonNode>> meetingsOf(List<JsonNode> legs) {
        Map<String, List<JsonNode>> meetings = new LinkedHashMap<>();
        for (JsonNode leg : legs) {
            if (!leg.get("meeting_sid").isNull()) {
                meetings.computeIfAbsent(leg.get("meeting_sid").stringValue(), sid -> new ArrayList<>()).add(leg);
            }
        }
        return meetings;
    }

    private void checkList(Random random, RandomFilters filters, String secret, Map<String, List<JsonNode>> visible, String context) {
        String filter = random.nextInt(4) == 0 ? null : filters.text(filters.filter());
        Set<String> selected = new HashSet<>(meetingsOf(listed(secret, filter, context)).keySet());
        String key = ORDER_KEYS.get(random.nextInt(ORDER_KEYS.size()));
        boolean descending = random.nextBoolean();
        boolean defaultOrder = random.nextInt(5) == 0;
        int limit = 1 + random.nextInt(random.nextBoolean() ? 4 : 20);
        int offset = random.nextInt(3) == 0 ? random.nextInt(15) : 0;
        Comparator<ObjectNode> order = defaultOrder ? orderOn("date_start", false) : orderOn(key, descending);
        List<ObjectNode> expectedAll = visible.entrySet().stream()
                .filter(e -> selected.contains(e.getKey()))
                .map(e -> summary(e.getKey(), e.getValue(), false))
                .sorted(order)
                .toList();
        List<ObjectNode> expected = expectedAll.subList(Math.min(offset, expectedAll.size()), Math.min(offset + limit, expectedAll.size()));
        StringBuilder query = new StringBuilder(MEETINGS + "?limit=" + limit);
        if (offset > 0) {
            query.append("&offset=").append(offset);
        }
        if (filter != null) {
            query.append("&filter=").append(encode(filter));
        }
        if (!defaultOrder) {
            query.append("&order=").append(encode(key + (descending ? " desc" : random.nextBoolean() ? " asc" : "")));
        }
        String what = context + ", GET " + query;
        HttpResponse<String> response = get(query.toString(), secret);
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("items").valueStream().toList()).as(what).isEqualTo(expected);
        assertThat(page.get("count").intValue()).as(what).isEqualTo(expected.size());
        assertThat(page.get("has_more").booleanValue()).as(what).isEqualTo(offset + limit < expectedAll.size());
    }

    private void checkOne(Random random, List<Cdr> records, String secret, Map<String, List<JsonNode>> visible, String context) {
        List<String> sids = records.stream().map(Cdr::meetingSid).filter(Objects::nonNull).distinct().sorted().toList();
        String sid = sids.get(random.nextInt(sids.size()));
        String include = random.nextInt(3) == 0 ? "call_sid,role,date_start" : null;
        String path = MEETINGS + "/" + encode(sid) + (include == null ? "" : "?include_fields=" + include);
        HttpResponse<String> response = get(path, secret);
        String what = context + ", GET " + path;
        if (!visible.containsKey(sid)) {
            assertThat(response.statusCode()).as(what + " -> " + response.body()).isEqualTo(404);
            assertThat(json(response).get("errors").get(0).get("field").stringValue()).as(what).isEqualTo("meeting_sid");
            return;
        }
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isEqualTo(200);
        ObjectNode expected = summary(sid, visible.get(sid), true);
        if (include != null) {
            for (JsonNode item : expected.get("items")) {
                ((ObjectNode) item).retain(List.of(include.split(",")));
            }
        }
        assertThat(json(response)).as(what).isEqualTo(expected);
    }

    /** A meeting's summary counted plainly from its legs as the list route wrote them. */
    private static ObjectNode summary(String sid, List<JsonNode> legs, boolean withItems) {
        List<JsonNode> sorted = legs.stream()
                .sorted(Comparator.comparing((JsonNode leg) -> instant(leg, "date_start")).thenComparing(leg -> leg.get("call_sid").stringValue()))
                .toList();
        Instant start = legs.stream().map(leg -> instant(leg, "date_start")).min(Comparator.naturalOrder()).orElseThrow();
        Instant stop = legs.stream().map(leg -> instant(leg, "date_stop")).max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal seconds = legs.stream().map(leg -> leg.get("duration").isNull() ? BigDecimal.ZERO : new BigDecimal(leg.get("duration").stringValue()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal minutes = seconds.divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_UP);
        int peak = 0;
        for (JsonNode at : legs) {
            // The peak is reached at some leg's start: count the legs in progress at each start.
            Instant t = instant(at, "date_start");
            int inProgress = (int) legs.stream().filter(leg -> !instant(leg, "date_start").isAfter(t) && instant(leg, "date_stop").isAfter(t)).count();
            peak = Math.max(peak, inProgress);
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("date_start", legs.stream().filter(leg -> instant(leg, "date_start").equals(start)).findFirst().orElseThrow().get("date_start").stringValue());
        summary.put("date_stop", legs.stream().filter(leg -> instant(leg, "date_stop").equals(stop)).findFirst().orElseThrow().get("date_stop").stringValue());
        summary.put("duration", BigDecimal.valueOf(stop.toEpochMilli() - start.toEpochMilli(), 3).stripTrailingZeros().toPlainString());
        summary.put("hosts", legs.stream().filter(leg -> "host".equals(leg.get("role").stringValue())).count());
        if (withItems) {
            summary.putArray("items").addAll(sorted.stream().map(JsonNode::deepCopy).toList());
        }
        summary.put("legs", legs.size());
        summary.put("meeting_room_sid", common(legs, "meeting_room_sid"));
        summary.put("meeting_sid", sid);
        summary.put("minutes", minutes.signum() == 0 ? "0" : minutes.stripTrailingZeros().toPlainString());
        summary.put("participants", legs.stream().map(leg -> leg.get("number_src")).filter(n -> !n.isNull()).map(JsonNode::stringValue).distinct().count());
        summary.put("partner_sid", common(legs, "partner_sid"));
        summary.put("peak_concurrent_legs", peak);
        summary.put("exact_seconds", seconds.toPlainString());
        return stripHelpers(summary, withItems);
    }

    private static ObjectNode stripHelpers(ObjectNode summary, boolean withItems) {
        // The exact sum orders by minutes; it is kept in a side map, not in what the API must answer.
        BigDecimal exact = new BigDecimal(summary.remove("exact_seconds").stringValue());
        // Read back from text, so numbers are the node types a parsed response has.
        ObjectNode parsed = (ObjectNode) JSON.readTree(summary.toString());
        EXACT.put(parsed, exact);
        return parsed;
    }

    private static final Map<ObjectNode, BigDecimal> EXACT = new java.util.IdentityHashMap<>();

    /** The value every leg has, null when they differ. */
    private static String common(List<JsonNode> legs, String attribute) {
        Set<String> values = new HashSet<>();
        legs.forEach(leg -> values.add(leg.get(attribute).isNull() ? null : leg.get(attribute).stringValue()));
        return values.size() == 1 ? values.iterator().next() : null;
    }

    /** The documented order: the key, then meeting_sid, both reversed for desc. */
    private static Comparator<ObjectNode> orderOn(String key, boolean descending) {
        Comparator<ObjectNode> byKey = switch (key) {
            case "date_start", "date_stop" -> Comparator.comparing(node -> Instant.parse(node.get(key).stringValue()));
            case "legs", "peak_concurrent_legs" -> Comparator.comparingInt(node -> node.get(key).intValue());
            case "minutes" -> Comparator.comparing(EXACT::get);
            default -> (a, b) -> 0;
        };
        Comparator<ObjectNode> ascending = byKey.thenComparing(node -> node.get("meeting_sid").stringValue(), MeetingPropertyContract::byCodePoint);
        return descending ? ascending.reversed() : ascending;
    }

    private static int byCodePoint(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static Instant instant(JsonNode leg, String attribute) {
        return Instant.parse(leg.get(attribute).stringValue());
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

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
