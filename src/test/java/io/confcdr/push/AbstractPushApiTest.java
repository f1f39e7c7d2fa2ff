package io.confcdr.push;

import com.standardwebhooks.Webhook;
import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.boot.Services;
import io.confcdr.ingest.BodyFormat;
import io.confcdr.ingest.IngestReport;
import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.CdrJson;
import io.confcdr.model.FieldSelection;
import io.confcdr.model.Partner;
import io.confcdr.store.Storage;
import io.confcdr.store.TestRecords;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server with delivery running, over a fresh store, a real receiver on 127.0.0.1, and a clock the test
 * may move forward. Retries wait milliseconds instead of seconds (the back-off base is injected), so no test
 * waits out a real back-off.
 *
 * <pre>
 * acme ── emea ── paris      tokens: acmeManager (app.manage), acmeTreeManager (+ app.read_descendant)
 * globex                             globexManager (app.manage)
 * </pre>
 */
abstract class AbstractPushApiTest {

    static final String ACME = "acme-" + UUID.randomUUID();
    static final String EMEA = "emea-" + UUID.randomUUID();
    static final String PARIS = "paris-" + UUID.randomUUID();
    static final String GLOBEX = "globex-" + UUID.randomUUID();
    static final String BASE = "/core/v2/app/conference/subscriptions";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    protected final OffsetClock clock = new OffsetClock();
    protected Storage storage;
    protected Services services;
    protected ApiServer server;
    protected Receiver receiver;
    protected String acmeManager;
    protected String acmeTreeManager;
    protected String globexManager;
    private int recordCount;
    private final String prefix = UUID.randomUUID().toString().substring(0, 8) + "-";

    protected abstract Storage newStorage(Clock clock);

    protected PushSettings settings() {
        return PushSettings.DEFAULT.withAllowPrivateUrls(true)
                .withRetry(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofHours(72))
                .withPoll(Duration.ofMillis(50))
                .withRequestTimeout(Duration.ofMillis(800));
    }

    @BeforeEach
    void start() {
        storage = newStorage(clock);
        Instant now = clock.instant();
        for (Partner partner : List.of(new Partner(ACME, "Acme", null, Partner.ACTIVE, now),
                new Partner(EMEA, "Acme EMEA", ACME, Partner.ACTIVE, now),
                new Partner(PARIS, "Acme Paris", EMEA, Partner.ACTIVE, now),
                new Partner(GLOBEX, "Globex", null, Partner.ACTIVE, now))) {
            storage.partners().create(partner);
        }
        var issuer = new TokenIssuer(storage.tokens(), clock);
        acmeManager = issuer.issue(ACME, "m", Set.of(Scopes.APP_MANAGE), null).secret();
        acmeTreeManager = issuer.issue(ACME, "t", Set.of(Scopes.APP_MANAGE, Scopes.APP_READ_DESCENDANT), null).secret();
        globexManager = issuer.issue(GLOBEX, "g", Set.of(Scopes.APP_MANAGE), null).secret();
        services = Services.over(storage, clock, settings());
        services.startDelivery();
        server = ApiServer.start(services, new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES));
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        server.close();
        services.close();
    }

    // ---- records ----

    /** A new record of {@code partnerSid} whose call_sid reads {@code prefix-n}. */
    protected Cdr record(String partnerSid) {
        return record(partnerSid, "inbound");
    }

    protected Cdr record(String partnerSid, String direction) {
        int n = ++recordCount;
        return TestRecords.carrierxSample().toBuilder().partnerSid(partnerSid).direction(direction)
                .callSid(prefix + String.format("%05d", n)).build();
    }

    /** Ingests the records through the ingestor (the listener wakes the worker); returns their call_sids. */
    protected List<String> ingest(List<Cdr> records) {
        EnumSet<CdrField> sent = EnumSet.allOf(CdrField.class);
        sent.remove(CdrField.DATE_INSERT);
        String ndjson = records.stream().map(cdr -> {
            var out = new StringWriter();
            try (JsonGenerator generator = JSON.createGenerator(out)) {
                CdrJson.write(generator, cdr, new FieldSelection(sent));
            }
            return out.toString();
        }).collect(Collectors.joining("\n", "", "\n"));
        IngestReport report = services.ingestor().ingest(Caller.operator(), BodyFormat.NDJSON,
                new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)));
        if (report.accepted() != records.size()) {
            throw new AssertionError("not every record was stored: " + report);
        }
        return records.stream().map(Cdr::callSid).toList();
    }

    protected List<String> ingest(String partnerSid, int count) {
        List<Cdr> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record(partnerSid));
        }
        return ingest(records);
    }

    // ---- HTTP ----

    protected HttpResponse<String> call(String method, String path, String body, String token) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Creates a subscription posting to the receiver; returns its creation answer (with the secret). */
    protected JsonNode subscribe(String token, String extraJson) {
        String body = "{\"url\":\"" + receiver.url() + "\"" + (extraJson.isEmpty() ? "" : "," + extraJson) + "}";
        HttpResponse<String> response = call("POST", BASE, body, token);
        if (response.statusCode() != 201) {
            throw new AssertionError("subscription not created: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    /** The delivery log once it holds at least {@code attempts} entries (the log is written after the receiver answers). */
    protected JsonNode awaitLog(String sid, int attempts) {
        receiver.await(attempts + " logged attempts", () -> deliveries(sid, acmeManager).get("total").asInt() >= attempts);
        return deliveries(sid, acmeManager).get("items");
    }

    protected JsonNode deliveries(String sid, String token) {
        return json(call("GET", BASE + "/" + sid + "/deliveries?limit=1000", null, token));
    }

    /** Whether the request verifies with this secret (the Standard Webhooks library, with its own time check). */
    protected static boolean verifies(Receiver.Request request, String secret) {
        try {
            new Webhook(secret).verify(request.body(), request.headers());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the signature header carries this secret's signature (without the library's timestamp window). */
    protected static boolean signedWith(Receiver.Request request, String secret) {
        try {
            String expected = new Webhook(secret).sign(request.header("webhook-id"),
                    Long.parseLong(request.header("webhook-timestamp")), request.body());
            return List.of(request.header("webhook-signature").split(" ")).contains(expected);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
