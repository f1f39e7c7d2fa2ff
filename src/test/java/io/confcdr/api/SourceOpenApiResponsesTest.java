package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import io.confcdr.store.FailingStorage;
import io.confcdr.store.Storage;
import io.confcdr.store.StoreUnavailableException;
import io.confcdr.store.sql.SqlStorageFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The sources route's and the numbered ingest's real responses (on SQLite) validate against what the served
 * {@code /openapi.json} declares for the operation and status.
 */
class SourceOpenApiResponsesTest extends AbstractApiTest {

    private static final String DOCUMENT_URI = "https://confcdr.test/openapi.json";
    private static final String SOURCES = SourceRoutes.PATH;
    private static final String INGEST = IngestRoute.PATH;

    @TempDir
    Path dataDir;

    private FailingStorage failing;
    private JsonNode document;
    private SchemaRegistry registry;

    @Override
    protected Storage newStorage(Clock clock) {
        failing = new FailingStorage(SqlStorageFactory.open(dataDir, null, clock));
        return failing;
    }

    @BeforeEach
    void readTheServedDocument() {
        HttpResponse<String> served = get("/openapi.json", null);
        assertThat(served.statusCode()).isEqualTo(200);
        document = json(served);
        registry = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(),
                builder -> builder.schemas(Map.of(DOCUMENT_URI, served.body())));
    }

    private HttpResponse<String> postNumbered(int leg, String source, String sequence) {
        return send(HttpRequest.newBuilder(URI.create(url(INGEST)))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + acmeIngest)
                .header("Confcdr-Source", source)
                .header("Confcdr-Sequence", sequence)
                .POST(HttpRequest.BodyPublishers.ofString(ndjson(List.of(Calls.leg(leg, ACME)))))
                .build());
    }

    private void assertConforms(String path, String method, HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        String status = Integer.toString(response.statusCode());
        JsonNode declared = document.path("paths").path(path).path(method).path("responses").path(status);
        assertThat(declared.isMissingNode()).as("%s %s declares a %s response", method, path, status).isFalse();
        String pointer = declared.has("$ref")
                ? declared.get("$ref").stringValue().substring(1)
                : "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/responses/" + status;
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer + "/content/application~1json/schema"));
        assertThat(schema.validate(JSON.readTree(response.body()))).as(response.body()).isEmpty();
    }

    @Test
    void aPageOfSourcesWithGapsAndBothLinksConforms() {
        assertConforms(INGEST, "post", postNumbered(0, "bridge-a", "0"), 200);
        assertConforms(INGEST, "post", postNumbered(1, "bridge-a", "5"), 200);
        assertConforms(INGEST, "post", postNumbered(2, "bridge-b", "0"), 200);
        assertConforms(INGEST, "post", postNumbered(3, "bridge-c", "0"), 200);

        assertConforms(SOURCES, "get", get(SOURCES, acmeIngest), 200);
        assertConforms(SOURCES, "get", get(SOURCES + "?limit=1&offset=1", acmeIngest), 200);
    }

    @Test
    void anEmptyPageConforms() {
        assertConforms(SOURCES, "get", get(SOURCES, emeaIngest), 200);
    }

    @Test
    void aBadHeaderConforms() {
        assertConforms(INGEST, "post", postNumbered(0, "bridge a", "0"), 400);
        assertConforms(INGEST, "post", postNumbered(0, "bridge-a", "x"), 400);
    }

    @Test
    void aMissingScopeAndABadLimitConform() {
        assertConforms(SOURCES, "get", get(SOURCES, acmeReader), 403);
        assertConforms(SOURCES, "get", get(SOURCES + "?limit=0", acmeIngest), 400);
    }

    @Test
    void anUnreachableStoreConforms() {
        failing.failWith(() -> new StoreUnavailableException("connection refused", null));

        assertConforms(SOURCES, "get", get(SOURCES, acmeIngest), 503);
        assertConforms(INGEST, "post", postNumbered(0, "bridge-a", "0"), 503);
    }
}
