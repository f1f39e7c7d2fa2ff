package io.confcdr.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.confcdr.auth.IssuedToken;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.CdrJson;
import io.confcdr.model.FieldSelection;
import io.confcdr.model.Partner;
import io.confcdr.store.Storage;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server on a free port over a fresh store, a small partner tree, a token per role, and an HTTP
 * client. Subclasses decide the store through {@link #newStorage(Clock)}, so every API contract test runs
 * unchanged against the in-memory store and the SQL stores.
 *
 * <pre>
 * acme (ACME)            tokens: acmeReader (app.read), acmeSubtreeReader (+ app.read_descendant),
 *  └─ acme-emea (EMEA)           acmeIngest (cdr.ingest), emeaManager (app.manage), emeaIngest
 *      └─ acme-paris (PARIS)
 * globex (GLOBEX)                globexReader (app.read)
 * </pre>
 */
abstract class AbstractApiTest {

    static final String ACME = "cee93bf3-5746-43fe-a1a2-822c05fef687";
    static final String EMEA = "5e1c7a2b-93d4-4c08-8d0e-2f6b1c9a4e11";
    static final String PARIS = "a0f4d9e2-1b7c-4e3a-9f58-6c2d8b0e7a22";
    static final String GLOBEX = "71b8e3c5-2d9a-4f16-b4e7-9a0c3d5f8b33";

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    protected final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    protected Storage storage;
    protected ApiServer server;
    protected String acmeReader;
    protected String acmeSubtreeReader;
    protected String acmeIngest;
    protected String emeaManager;
    protected String emeaIngest;
    protected String globexReader;
    protected ListAppender<ILoggingEvent> log;

    /** A new, empty store; closed after each test. */
    protected abstract Storage newStorage(Clock clock);

    protected ApiConfig config() {
        return new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES);
    }

    @BeforeEach
    void startServer() {
        log = new ListAppender<>();
        log.start();
        rootLogger().addAppender(log);
        storage = newStorage(clock);
        for (Partner partner : List.of(
                new Partner(ACME, "Acme", null, Partner.ACTIVE, NOW),
                new Partner(EMEA, "Acme EMEA", ACME, Partner.ACTIVE, NOW),
                new Partner(PARIS, "Acme Paris", EMEA, Partner.ACTIVE, NOW),
                new Partner(GLOBEX, "Globex", null, Partner.ACTIVE, NOW))) {
            storage.partners().create(partner);
        }
        acmeReader = issue(ACME, Scopes.APP_READ);
        acmeSubtreeReader = issue(ACME, Scopes.APP_READ, Scopes.APP_READ_DESCENDANT);
        acmeIngest = issue(ACME, Scopes.CDR_INGEST);
        emeaManager = issue(EMEA, Scopes.APP_MANAGE);
        emeaIngest = issue(EMEA, Scopes.CDR_INGEST);
        globexReader = issue(GLOBEX, Scopes.APP_READ);
        server = ApiServer.start(storage, config(), clock);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
        storage.close();
        rootLogger().detachAppender(log);
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    protected String issue(String partnerSid, String... scopes) {
        return issueToken(partnerSid, null, scopes).secret();
    }

    protected IssuedToken issueToken(String partnerSid, Instant expires, String... scopes) {
        return new TokenIssuer(storage.tokens(), clock).issue(partnerSid, "test " + String.join(" ", scopes), Set.of(scopes), expires);
    }

    protected String logText() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    }

    // ---- HTTP ----

    protected String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.port() + pathAndQuery;
    }

    protected HttpResponse<String> get(String pathAndQuery, String token) {
        var request = HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    protected HttpResponse<String> getWithHeader(String pathAndQuery, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).header("Authorization", authorization).GET().build());
    }

    protected HttpResponse<String> getRecord(String callSid, String token) {
        return get("/core/v2/app/conference/calls/" + callSid, token);
    }

    protected HttpResponse<String> post(String body, String contentType, String token) {
        var request = HttpRequest.newBuilder(URI.create(url("/ingest/v1/conference/calls")))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    protected HttpResponse<String> postNdjson(String body) {
        return post(body, "application/x-ndjson", acmeIngest);
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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

    /** The call_sids of every record the token can list, in insertion order. */
    protected List<String> listedCallSids(String token) {
        JsonNode page = json(get("/core/v2/app/conference/calls?limit=1000&include_fields=call_sid", token));
        return page.get("items").valueStream().map(item -> item.get("call_sid").stringValue()).toList();
    }

    /** A rejection's first reason as {@code field: message}. */
    protected static String firstReason(JsonNode rejection) {
        JsonNode error = rejection.get("errors").get(0);
        return (error.get("field").isNull() ? "null" : error.get("field").stringValue()) + ": " + error.get("message").stringValue();
    }

    // ---- records ----

    /** A record as a bridge sends it: every attribute but date_insert. */
    protected static String senderJson(Cdr cdr) {
        EnumSet<CdrField> fields = EnumSet.allOf(CdrField.class);
        fields.remove(CdrField.DATE_INSERT);
        return modelJson(cdr, new FieldSelection(fields));
    }

    /** What confcdr writes for this record. */
    protected static String modelJson(Cdr cdr, FieldSelection selection) {
        var out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            CdrJson.write(generator, cdr, selection);
        }
        return out.toString();
    }

    protected static String ndjson(List<Cdr> records) {
        return records.stream().map(AbstractApiTest::senderJson).collect(Collectors.joining("\n", "", "\n"));
    }

    /** What a read must return: the record with the date_insert the store gave it, as the response states. */
    protected static String expectedReadBack(Cdr sent, HttpResponse<String> response) {
        Instant inserted = Instant.parse(json(response).get("date_insert").stringValue());
        return modelJson(sent.withDateInsert(inserted), FieldSelection.ALL);
    }
}
