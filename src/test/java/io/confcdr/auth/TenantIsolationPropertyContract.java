package io.confcdr.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.model.Cdr;
import io.confcdr.model.Partner;
import io.confcdr.query.Condition;
import io.confcdr.query.Filter;
import io.confcdr.query.RandomCdrs;
import io.confcdr.query.RandomFilters;
import io.confcdr.store.InsertResult;
import io.confcdr.store.Storage;
import io.confcdr.store.memory.ReferenceEvaluator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * Tenant isolation as a property, through the real HTTP API: for random partner trees (depth up to 4),
 * random records across them, random tokens with random scopes and random filters (partner_sid
 * {@code eq/in/ne/like} plus another random condition) and cursors naming visible and invisible records,
 * every list holds exactly the records the token may see and match, never one more; a single-record GET
 * answers 200 exactly for those, and an invisible record answers byte for byte like one that never existed.
 *
 * <p>What a token may see is computed here from the tree this test built, not by asking the server's
 * {@code Caller} or the store. Every seed builds its own tree in one shared store, so each answer must
 * also exclude every other seed's records. A failure names its seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TenantIsolationPropertyContract {

    private static final int SEEDS = 20;
    private static final int TOKENS_PER_SEED = 6;
    private static final int QUERIES_PER_TOKEN = 8;
    private static final String LIST = "/core/v2/app/conference/calls";
    private static final List<String> SCOPES =
            List.of(Scopes.APP_READ, Scopes.APP_MANAGE, Scopes.APP_READ_DESCENDANT, Scopes.CDR_INGEST);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Storage storage;
    private ApiServer server;

    /** An empty storage; closed after the last seed. */
    protected abstract Storage openStorage();

    @BeforeAll
    void start() {
        storage = openStorage();
        // The limit is not under test here; it must not get in the way of a few hundred quick requests.
        server = ApiServer.start(storage, new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES)
                .withRateLimit(1_000_000, 1_000_000), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        server.close();
        storage.close();
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, SEEDS).map(n -> n * 104_729).boxed();
    }

    /** One seed's world as this test knows it: parent of every partner, records in insertion order. */
    private record World(long seed, Map<String, String> parents, List<Cdr> records) {

        List<String> sortedPartners() {
            return parents.keySet().stream().sorted().toList();
        }

        /** The partner and its descendants, from the parent links alone. */
        Set<String> subtree(String root) {
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
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyAnswerHoldsExactlyTheRecordsTheTokenMaySee(long seed) {
        var random = new Random(seed);
        World world = buildWorld(seed, random);
        var filters = new RandomFilters(random, world.records());
        for (int t = 0; t < TOKENS_PER_SEED; t++) {
            // Partners with sub-partners half the time: there a missing or extra subtree shows.
            List<String> parentsOnly = world.parents().values().stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
            String partner = random.nextBoolean() ? pick(random, parentsOnly) : pick(random, world.sortedPartners());
            Set<String> scopes = new LinkedHashSet<>();
            SCOPES.stream().filter(scope -> random.nextInt(3) != 0).forEach(scopes::add);
            String secret = new TokenIssuer(storage.tokens(), Clock.systemUTC()).issue(partner, "property", scopes, null).secret();
            boolean mayRead = scopes.contains(Scopes.APP_READ) || scopes.contains(Scopes.APP_MANAGE);
            Set<String> visiblePartners = scopes.contains(Scopes.APP_READ_DESCENDANT) ? world.subtree(partner) : Set.of(partner);
            List<Cdr> visible = world.records().stream().filter(cdr -> visiblePartners.contains(cdr.partnerSid())).toList();
            String context = "seed %d, token of %s with %s".formatted(seed, partner, scopes);
            for (int q = 0; q < QUERIES_PER_TOKEN; q++) {
                checkList(random, world, filters, secret, mayRead, visible, context);
                checkGet(random, world, secret, mayRead, visible, context);
            }
        }
    }

    private World buildWorld(long seed, Random random) {
        Map<String, String> parents = new HashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        List<String> sids = new ArrayList<>();
        int size = 3 + random.nextInt(10);
        for (int i = 0; i < size; i++) {
            // A second root now and then: a tree the other root's tokens must never see into.
            String sid = "s" + seed + "-p" + i;
            List<String> parentsAllowed = sids.stream().filter(s -> depth.get(s) < 4).toList();
            String parent = i == 0 || random.nextInt(8) == 0 ? null : pick(random, parentsAllowed);
            storage.partners().create(new Partner(sid, "Partner " + i, parent, Partner.ACTIVE, Instant.parse("2024-01-01T00:00:00Z")));
            parents.put(sid, parent);
            depth.put(sid, parent == null ? 1 : depth.get(parent) + 1);
            sids.add(sid);
        }
        List<Cdr> records = new ArrayList<>();
        for (InsertResult result : storage.cdrs().insert(new RandomCdrs(random, sids).records(20 + random.nextInt(40)))) {
            records.add(((InsertResult.Stored) result).stored());
        }
        return new World(seed, parents, records);
    }

    private void checkList(Random random, World world, RandomFilters filters, String secret, boolean mayRead,
            List<Cdr> visible, String context) {
        List<String> conditions = new ArrayList<>();
        List<Predicate<Cdr>> predicates = new ArrayList<>();
        if (random.nextInt(5) != 0) {
            PartnerCondition condition = partnerCondition(random, world);
            conditions.add(condition.text());
            predicates.add(condition.matches());
        }
        if (random.nextInt(3) == 0) {
            Condition other = filters.condition();
            conditions.add(filters.text(new Filter(List.of(other))));
            predicates.add(cdr -> ReferenceEvaluator.matches(other, cdr));
        }
        List<String> matching = visible.stream().filter(cdr -> predicates.stream().allMatch(p -> p.test(cdr)))
                .map(Cdr::callSid).toList();
        int limit = 1 + random.nextInt(random.nextBoolean() ? 5 : 100);
        StringBuilder query = new StringBuilder("?include_fields=call_sid,partner_sid&limit=" + limit);
        if (!conditions.isEmpty()) {
            query.append("&filter=").append(encode(String.join(" and ", conditions)));
        }
        List<String> expected;
        Cdr cursorRecord = null;
        boolean before = random.nextBoolean();
        if (random.nextBoolean()) {
            cursorRecord = pick(random, world.records());
            query.append(before ? "&before=" : "&after=").append(encode(cursorRecord.callSid()));
        }
        String what = context + ", GET " + LIST + query;
        HttpResponse<String> response = get(LIST + query, secret);
        if (!mayRead) {
            assertThat(response.statusCode()).as(what).isEqualTo(403);
            return;
        }
        if (cursorRecord != null && !visible.contains(cursorRecord)) {
            // An invisible cursor is an unknown one: the same 400 as for a sid that was never stored.
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("field").stringValue()).as(what).isEqualTo(before ? "before" : "after");
            return;
        }
        if (cursorRecord == null) {
            expected = matching.subList(0, Math.min(limit, matching.size()));
        } else {
            int position = world.records().indexOf(cursorRecord);
            List<String> side = world.records().stream()
                    .filter(cdr -> before ? world.records().indexOf(cdr) < position : world.records().indexOf(cdr) > position)
                    .map(Cdr::callSid).filter(matching::contains).toList();
            expected = before ? side.subList(Math.max(0, side.size() - limit), side.size()) : side.subList(0, Math.min(limit, side.size()));
        }
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isEqualTo(200);
        List<String> listed = json(response).get("items").valueStream().map(item -> item.get("call_sid").stringValue()).toList();
        assertThat(listed).as(what).isEqualTo(expected);
    }

    private void checkGet(Random random, World world, String secret, boolean mayRead, List<Cdr> visible, String context) {
        Cdr record = pick(random, world.records());
        HttpResponse<String> response = get(LIST + "/" + encode(record.callSid()), secret);
        String what = context + ", GET " + record.callSid() + " of " + record.partnerSid();
        if (!mayRead) {
            assertThat(response.statusCode()).as(what).isEqualTo(403);
        } else if (visible.contains(record)) {
            assertThat(response.statusCode()).as(what).isEqualTo(200);
            assertThat(json(response).get("call_sid").stringValue()).as(what).isEqualTo(record.callSid());
        } else {
            HttpResponse<String> missing = get(LIST + "/" + "00000000-0000-4000-8000-" + String.format("%012d", world.seed()), secret);
            assertThat(response.statusCode()).as(what).isEqualTo(404);
            assertThat(response.body()).as(what).isEqualTo(missing.body());
        }
    }

    /** A partner_sid condition as text, and what it means, evaluated here independently of the server. */
    private record PartnerCondition(String text, Predicate<Cdr> matches) {
    }

    private static PartnerCondition partnerCondition(Random random, World world) {
        List<String> partners = world.sortedPartners();
        // Sometimes a partner of another seed's world: a filter naming it must still find nothing of it.
        String one = random.nextInt(6) == 0 ? "s" + (world.seed() + 104_729) + "-p0" : pick(random, partners);
        return switch (random.nextInt(4)) {
            case 0 -> new PartnerCondition("partner_sid eq '" + one + "'", cdr -> cdr.partnerSid().equals(one));
            case 1 -> new PartnerCondition("partner_sid ne '" + one + "'", cdr -> !cdr.partnerSid().equals(one));
            case 2 -> {
                Set<String> some = new LinkedHashSet<>(List.of(one));
                for (int i = random.nextInt(4); i > 0; i--) {
                    some.add(pick(random, partners));
                }
                String list = some.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
                yield new PartnerCondition("partner_sid in (" + list + ")", cdr -> some.contains(cdr.partnerSid()));
            }
            default -> {
                String pattern = likePattern(random, one);
                Pattern regex = Pattern.compile(Stream.of(pattern.split("", -1)).filter(s -> !s.isEmpty())
                        .map(c -> c.equals("%") ? ".*" : c.equals("_") ? "." : Pattern.quote(c)).collect(Collectors.joining()));
                yield new PartnerCondition("partner_sid like '" + pattern + "'", cdr -> regex.matcher(cdr.partnerSid()).matches());
            }
        };
    }

    /** A pattern around a real sid: a prefix with %, a character replaced by _, or % alone (everything). */
    private static String likePattern(Random random, String sid) {
        return switch (random.nextInt(4)) {
            case 0 -> sid.substring(0, 1 + random.nextInt(sid.length() - 1)) + "%";
            case 1 -> {
                int at = random.nextInt(sid.length());
                yield sid.substring(0, at) + "_" + sid.substring(at + 1);
            }
            case 2 -> "%" + sid.substring(sid.indexOf('-'));
            default -> "%";
        };
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

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
