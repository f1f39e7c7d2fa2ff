package io.confcdr.fuzz;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.model.Partner;
import io.confcdr.store.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mutated requests against a real {@link ApiServer} on a store: query strings on the list route, the GET
 * by call_sid and the partner and token lists, then ingest bodies. Every answer must be below 500 and
 * its body one JSON document. Seeded: the same seed sends the same requests; a failure is reported with
 * the seed, the request (the body in Base64) and the answer.
 */
public final class LiveFuzz {

    /** What a campaign sent and what went wrong; {@code failures} holds the first few in full. */
    public record Outcome(long seed, long queries, long bodies, long closedWithoutAnswer, List<String> closedSamples,
            List<String> failures, long failureCount, long millis, String slowest) {

        @Override
        public String toString() {
            return "seed=%d queries=%d bodies=%d failures=%d closed-without-answer=%d in %d ms; slowest %s"
                    .formatted(seed, queries, bodies, failureCount, closedWithoutAnswer, millis, slowest);
        }
    }

    static final String ROOT = "fuzz-root";
    static final String CHILD = "fuzz-child";
    private static final int KEPT_FAILURES = 20;
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final long seed;
    private final List<String> failures = new ArrayList<>();
    private long failureCount;
    private long closedWithoutAnswer;
    private final List<String> closedSamples = new ArrayList<>();
    private long slowestMillis = -1;
    private String slowest = "";

    private LiveFuzz(long seed) {
        this.seed = seed;
    }

    /** Creates the campaign's partners and tokens in {@code storage}, starts a server on it, and fuzzes. */
    public static Outcome run(Storage storage, long seed, int queries, int bodies) throws IOException {
        return new LiveFuzz(seed).campaign(storage, queries, bodies);
    }

    private Outcome campaign(Storage storage, int queries, int bodies) throws IOException {
        long started = System.nanoTime();
        Instant now = Instant.now();
        storage.partners().create(new Partner(ROOT, "Fuzz", null, Partner.ACTIVE, now));
        storage.partners().create(new Partner(CHILD, "Fuzz child", ROOT, Partner.ACTIVE, now));
        var issuer = new TokenIssuer(storage.tokens(), Clock.systemUTC());
        String reader = issuer.issue(ROOT, "fuzz reader", Set.of(Scopes.APP_READ, Scopes.APP_READ_DESCENDANT), null).secret();
        String ingester = issuer.issue(ROOT, "fuzz ingest", Set.of(Scopes.CDR_INGEST), null).secret();
        String admin = issuer.issue(ROOT, "fuzz admin", Set.of(Scopes.PARTNERS_MANAGE, Scopes.OAUTH_MANAGE), null).secret();
        var config = new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES)
                .withRateLimit(100_000_000, 100_000_000);
        try (ApiServer server = ApiServer.start(storage, config, Clock.systemUTC());
                RawHttp http = new RawHttp(server.port())) {
            seedRecords(http, ingester);
            var random = new Random(seed);
            var queryMutator = new QueryMutator(random);
            for (int i = 0; i < queries; i++) {
                String query = queryMutator.next();
                String[] target = switch (i % 5) {
                    case 0, 1 -> new String[] {"/core/v2/app/conference/calls", reader};
                    case 2 -> new String[] {"/core/v2/app/conference/calls/" + sid(random), reader};
                    case 3 -> new String[] {"/core/v2/partners", admin};
                    default -> new String[] {"/core/v2/oauth/tokens", admin};
                };
                byte[] path = (target[0] + (query.isEmpty() && random.nextBoolean() ? "" : "?")).getBytes(StandardCharsets.UTF_8);
                byte[] head = concat(("GET ").getBytes(StandardCharsets.US_ASCII), path, QueryMutator.wire(query),
                        (" HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + target[1]).getBytes(StandardCharsets.US_ASCII));
                check(http, head, new byte[0], "GET " + target[0] + "?" + query);
            }
            var bodyMutator = new BodyMutator(random, random.nextBoolean() ? ROOT : CHILD);
            for (int i = 0; i < bodies; i++) {
                BodyMutator.Body body = bodyMutator.next();
                var head = new StringBuilder("POST /ingest/v1/conference/calls HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ")
                        .append(ingester).append("\r\nContent-Type: ").append(body.contentType());
                if (body.contentEncoding() != null) {
                    head.append("\r\nContent-Encoding: ").append(body.contentEncoding());
                }
                check(http, head.toString().getBytes(StandardCharsets.UTF_8), body.bytes(),
                        "POST ingest (" + body.description() + ", Content-Type " + body.contentType() + ", Content-Encoding "
                                + body.contentEncoding() + ") body base64 " + Base64.getEncoder().encodeToString(body.bytes()));
            }
        }
        return new Outcome(seed, queries, bodies, closedWithoutAnswer, List.copyOf(closedSamples), List.copyOf(failures), failureCount,
                (System.nanoTime() - started) / 1_000_000, slowest);
    }

    /** Records the list and GET routes find, so that filters, orders and cursors meet real rows. */
    private void seedRecords(RawHttp http, String ingester) throws IOException {
        var ndjson = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            ndjson.append("{\"call_sid\":\"fuzz-call-").append(i).append("\",\"partner_sid\":\"").append(i % 3 == 0 ? CHILD : ROOT)
                    .append("\",\"date_start\":\"2024-10-31T18:").append(10 + i).append(":00.000Z\",\"date_stop\":\"2024-10-31T18:")
                    .append(12 + i).append(":30.250Z\",\"role\":\"").append(i % 2 == 0 ? "host" : "participant")
                    .append("\",\"number_src\":\"+1760569").append(1000 + i).append("\",\"custom_name\":\"caf\u00e9 ").append(i)
                    .append("\",\"disconnect_cause\":").append(i % 5 == 0 ? "null" : "16").append("}\n");
        }
        RawHttp.Response response = http.exchange(("POST /ingest/v1/conference/calls HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + ingester + "\r\nContent-Type: application/x-ndjson").getBytes(StandardCharsets.US_ASCII),
                ndjson.toString().getBytes(StandardCharsets.UTF_8));
        if (response.status() != 200) {
            throw new IllegalStateException("seed records were not stored: " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private static String sid(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "fuzz-call-" + random.nextInt(45);
            case 1 -> "%zz";
            case 2 -> "fuzz-call-1%2F..%2F" + random.nextInt(9);
            default -> "%E2%82%AC" + random.nextInt(100);
        };
    }

    private void check(RawHttp http, byte[] head, byte[] body, String request) {
        RawHttp.Response response;
        long sent = System.nanoTime();
        try {
            response = http.exchange(head, body);
            long millis = (System.nanoTime() - sent) / 1_000_000;
            if (millis > slowestMillis) {
                slowestMillis = millis;
                slowest = millis + " ms: " + request.substring(0, Math.min(request.length(), 200));
            }
        } catch (IOException closed) {
            // Jetty may close on a request it cannot parse; the next request opens a new connection.
            closedWithoutAnswer++;
            if (closedSamples.size() < 5) {
                closedSamples.add(request.substring(0, Math.min(request.length(), 300)) + " (" + closed + ")");
            }
            return;
        }
        String problem = null;
        if (response.status() >= 500) {
            problem = "status " + response.status();
        } else if (!response.json()) {
            problem = "not application/json";
        } else {
            try {
                JSON.readTree(response.body());
            } catch (JacksonException e) {
                problem = "body is not one JSON document: " + e.getOriginalMessage();
            }
        }
        if (problem != null) {
            failureCount++;
            if (failures.size() < KEPT_FAILURES) {
                String answer = new String(response.body(), StandardCharsets.UTF_8);
                failures.add("seed " + seed + ": " + problem + " for " + request + " -> " + response.status() + " "
                        + answer.substring(0, Math.min(answer.length(), 400)));
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
