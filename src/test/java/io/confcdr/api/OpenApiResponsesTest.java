package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import io.confcdr.store.FailingStorage;
import io.confcdr.model.Cdr;
import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import io.confcdr.store.StoreUnavailableException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Real responses of a server on the SQLite store, each validated against the response schema that
 * {@code /openapi.json}, as that server serves it, declares for the operation and status code: a client
 * generated from the document can read every answer, the errors included.
 */
class OpenApiResponsesTest extends AbstractApiTest {

    private static final String DOCUMENT_URI = "https://confcdr.test/openapi.json";
    private static final String LIST = "/core/v2/app/conference/calls";
    private static final String RECORD = "/core/v2/app/conference/calls/{call_sid}";
    private static final String INGEST = "/ingest/v1/conference/calls";

    @TempDir
    Path dataDir;

    private FailingStorage failing;
    private JsonNode document;
    private SchemaRegistry registry;
    private List<Cdr> stored;

    @Override
    protected Storage newStorage(Clock clock) {
        failing = new FailingStorage(SqlStorageFactory.open(dataDir, null, clock));
        return failing;
    }

    @Override
    protected ApiConfig config() {
        return new ApiConfig("127.0.0.1", 0, null, 64 * 1024);
    }

    @BeforeEach
    void readTheServedDocumentAndStoreSomeCalls() {
        HttpResponse<String> served = get("/openapi.json", null);
        assertThat(served.statusCode()).isEqualTo(200);
        document = json(served);
        registry = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(),
                builder -> builder.schemas(Map.of(DOCUMENT_URI, served.body(),
                        CompleteCdrSchema.URI, CompleteCdrSchema.referring(DOCUMENT_URI))));
        stored = IntStream.range(0, 3).mapToObj(i -> Calls.leg(i, ACME)).collect(java.util.stream.Collectors.toList());
        stored.addAll(Calls.tricky(ACME));
        assertThat(postNdjson(ndjson(stored)).statusCode()).isEqualTo(200);
    }

    /**
     * The errors of validating the response body against the schema the document gives for this
     * operation and the response's status; fails when the document declares no such response.
     */
    private List<Error> violations(String path, String method, HttpResponse<String> response) {
        String status = Integer.toString(response.statusCode());
        JsonNode declared = document.path("paths").path(path).path(method).path("responses").path(status);
        assertThat(declared.isMissingNode()).as("%s %s declares a %s response", method, path, status).isFalse();
        String responsePointer = declared.has("$ref")
                ? declared.get("$ref").stringValue().substring(1)
                : "/paths/" + escape(path) + "/" + method + "/responses/" + status;
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + responsePointer + "/content/application~1json/schema"));
        return schema.validate(JSON.readTree(response.body()));
    }

    private void assertConforms(String path, String method, HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        assertThat(violations(path, method, response)).as(response.body()).isEmpty();
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private Schema completeCdr() {
        return registry.getSchema(SchemaLocation.of(CompleteCdrSchema.URI));
    }

    @Test
    void aListPageConformsAndItsItemsAreCompleteRecords() {
        HttpResponse<String> response = get(LIST + "?limit=2&with_total=true", acmeReader);

        assertConforms(LIST, "get", response, 200);
        assertThat(json(response).get("pagination").has("next")).isTrue();
        for (JsonNode item : json(response).get("items")) {
            assertThat(completeCdr().validate(item)).as(item.toString()).isEmpty();
        }
    }

    @Test
    void aMiddlePageWithBothLinksConforms() {
        HttpResponse<String> response = get(LIST + "?limit=1&after=" + stored.get(1).callSid() + "&order=date_stop%20desc", acmeReader);

        assertConforms(LIST, "get", response, 200);
    }

    @Test
    void aFieldFilteredListConforms() {
        assertConforms(LIST, "get", get(LIST + "?include_fields=call_sid,duration,custom_name&filter=role%20eq%20participant", acmeReader), 200);
    }

    @Test
    void anEmptyListConforms() {
        assertConforms(LIST, "get", get(LIST, globexReader), 200);
    }

    @Test
    void aSingleRecordConformsAndIsComplete() {
        HttpResponse<String> response = getRecord(stored.get(3).callSid(), acmeReader);

        assertConforms(RECORD, "get", response, 200);
        assertThat(completeCdr().validate(json(response))).isEmpty();
    }

    @Test
    void aFieldFilteredRecordConforms() {
        assertConforms(RECORD, "get", getRecord(stored.get(5).callSid() + "?exclude_fields=address_src,date_insert", acmeReader), 200);
    }

    @Test
    void anAcceptedBatchReportConforms() {
        assertConforms(INGEST, "post", postNdjson(ndjson(List.of(Calls.leg(7, ACME), Calls.leg(1, ACME)))), 200);
    }

    @Test
    void aPartlyRejectedBatchReportConforms() {
        String body = senderJson(Calls.leg(8, ACME)) + "\n{\"call_sid\":\"x\",\"role\":\"boss\"}\nnot json\n";

        assertConforms(INGEST, "post", postNdjson(body), 422);
    }

    @Test
    void aBadFilterConforms() {
        assertConforms(LIST, "get", get(LIST + "?filter=colour%20eq%20red", acmeReader), 400);
    }

    @Test
    void aStreamRefusedBeforeItsFirstEventConforms() {
        String stream = LIST + "/stream";
        assertConforms(stream, "get", get(stream + "?filter=colour%20eq%20red", acmeReader), 400);
        assertConforms(stream, "get", get(stream + "?after=bm8tc3VjaA", acmeReader), 400);
        assertConforms(stream, "get", get(stream, acmeIngest), 403);
    }

    @Test
    void aBadFieldSelectionOnARecordConforms() {
        assertConforms(RECORD, "get", getRecord(stored.getFirst().callSid() + "?include_fields=colour", acmeReader), 400);
    }

    @Test
    void aMalformedJsonArrayConforms() {
        assertConforms(INGEST, "post", post("[{\"call_sid\":", "application/json", acmeIngest), 400);
    }

    @Test
    void aMissingTokenConforms() {
        assertConforms(LIST, "get", get(LIST, null), 401);
    }

    @Test
    void anUnknownTokenConforms() {
        assertConforms(RECORD, "get", getRecord(stored.getFirst().callSid(), "ccdr_not-a-real-token"), 401);
    }

    @Test
    void aMissingScopeConforms() {
        assertConforms(LIST, "get", get(LIST, acmeIngest), 403);
        assertConforms(INGEST, "post", post(ndjson(List.of(Calls.leg(9, ACME))), "application/x-ndjson", acmeReader), 403);
    }

    @Test
    void aMissingRecordConforms() {
        assertConforms(RECORD, "get", getRecord("69057c3e-bb90-4ed3-9c53-999999999999", acmeReader), 404);
    }

    @Test
    void aWrongMethodConforms() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(LIST)))
                .header("Authorization", "Bearer " + acmeReader).DELETE().build());

        assertConforms(LIST, "get", response, 405);
    }

    @Test
    void aTooLargeBodyConforms() {
        String big = ndjson(IntStream.range(0, 200).mapToObj(i -> Calls.leg(i, ACME)).toList());
        assertThat(big.length()).isGreaterThan(64 * 1024);

        assertConforms(INGEST, "post", postNdjson(big), 413);
    }

    @Test
    void anUnsupportedMediaTypeConforms() {
        assertConforms(INGEST, "post", post(ndjson(List.of(Calls.leg(9, ACME))), "text/csv", acmeIngest), 415);
    }

    @Test
    void anUnreachableStoreConformsOnEveryOperation() {
        failing.failWith(() -> new StoreUnavailableException("connection refused", null));

        assertConforms(LIST, "get", get(LIST, acmeReader), 503);
        assertConforms(RECORD, "get", getRecord(stored.getFirst().callSid(), acmeReader), 503);
        assertConforms(INGEST, "post", postNdjson(ndjson(List.of(Calls.leg(9, ACME)))), 503);
        assertConforms("/health", "get", get("/health", null), 503);
        assertConforms("/health/ready", "get", get("/health/ready", null), 503);
        assertConforms("/health/live", "get", get("/health/live", null), 200);
    }

    @Test
    void reportsConform() {
        String usage = "/core/v2/app/conference/reports/usage";
        String concurrency = "/core/v2/app/conference/reports/concurrency";
        assertConforms(usage, "get", get(usage, acmeReader), 200);
        assertConforms(usage, "get", get(usage + "?group_by=partner_sid,day,hour,month,disconnect_cause,role&rollup=tree&limit=1", acmeReader), 200);
        assertConforms(usage, "get", get(usage + "?group_by=colour", acmeReader), 400);
        assertConforms(concurrency, "get", get(concurrency + "?interval=5m&tz=Asia/Kolkata", acmeReader), 200);
        assertConforms(concurrency, "get", get(concurrency + "?interval=2h", acmeReader), 400);
        failing.failWith(() -> new StoreUnavailableException("connection refused", null));
        assertConforms(usage, "get", get(usage, acmeReader), 503);
        assertConforms(concurrency, "get", get(concurrency, acmeReader), 503);
    }

    @Test
    void healthConforms() {
        assertConforms("/health", "get", get("/health", null), 200);
        assertConforms("/health/ready", "get", get("/health/ready", null), 200);
        assertConforms("/health/live", "get", get("/health/live", null), 200);
    }

    @Test
    void theServedDocumentRejectsADurationWrittenAsANumber() {
        HttpResponse<String> response = getRecord(stored.getFirst().callSid(), acmeReader);
        String broken = response.body().replace("\"duration\":\"46.5\"", "\"duration\":46.5");

        assertThat(broken).isNotEqualTo(response.body());
        assertThat(completeCdr().validate(JSON.readTree(broken))).isNotEmpty();
    }
}
