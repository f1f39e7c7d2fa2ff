package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import io.confcdr.auth.Scopes;
import io.confcdr.store.Storage;
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
 * The erasure routes' real responses (on SQLite) validate against what the served {@code /openapi.json}
 * declares for the operation and status, so a generated client reads every answer, errors included.
 */
class ErasureOpenApiResponsesTest extends AbstractApiTest {

    private static final String DOCUMENT_URI = "https://confcdr.test/openapi.json";
    private static final String PATH = ErasureRoutes.PATH;

    @TempDir
    Path dataDir;

    private JsonNode document;
    private SchemaRegistry registry;
    private String manager;

    @Override
    protected Storage newStorage(Clock clock) {
        return SqlStorageFactory.open(dataDir, null, clock);
    }

    @BeforeEach
    void readTheServedDocumentAndStoreACall() {
        HttpResponse<String> served = get("/openapi.json", null);
        assertThat(served.statusCode()).isEqualTo(200);
        document = json(served);
        registry = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(),
                builder -> builder.schemas(Map.of(DOCUMENT_URI, served.body())));
        manager = issue(ACME, Scopes.APP_MANAGE);
        assertThat(postNdjson(ndjson(List.of(Calls.leg(1, ACME), Calls.leg(2, ACME)))).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> erase(String body, String token) {
        return send(HttpRequest.newBuilder(URI.create(url(PATH)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private void assertConforms(String method, HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        String status = Integer.toString(response.statusCode());
        JsonNode declared = document.path("paths").path(PATH).path(method).path("responses").path(status);
        assertThat(declared.isMissingNode()).as("%s %s declares a %s response", method, PATH, status).isFalse();
        String pointer = declared.has("$ref")
                ? declared.get("$ref").stringValue().substring(1)
                : "/paths/" + PATH.replace("~", "~0").replace("/", "~1") + "/" + method + "/responses/" + status;
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer + "/content/application~1json/schema"));
        assertThat(schema.validate(JSON.readTree(response.body()))).as(response.body()).isEmpty();
    }

    @Test
    void anErasureConformsInEitherMode() {
        assertConforms("post", erase("{\"number\":\"+17605690001\",\"mode\":\"redact\"}", manager), 200);
        assertConforms("post", erase("{\"number\":\"+17605690002\",\"mode\":\"delete\",\"date_from\":\"2024-01-01T00:00:00Z\"}", manager), 200);
    }

    @Test
    void aPageOfErasuresWithBothLinksConforms() {
        for (int i = 0; i < 3; i++) {
            erase("{\"number\":\"+1760569000" + i + "\",\"mode\":\"redact\"}", manager);
        }
        HttpResponse<String> middle = get(PATH + "?limit=1&offset=1", manager);

        assertConforms("get", middle, 200);
        assertThat(json(middle).get("pagination").propertyNames()).containsExactlyInAnyOrder("next", "previous");
        assertConforms("get", get(PATH, issue(GLOBEX, Scopes.APP_MANAGE)), 200);
    }

    @Test
    void refusalsConform() {
        assertConforms("post", erase("{\"number\":\"+1\",\"mode\":\"shred\"}", manager), 422);
        assertConforms("post", erase("not json", manager), 400);
        assertConforms("post", erase("{\"number\":\"+1\",\"mode\":\"delete\"}", acmeReader), 403);
        assertConforms("get", get(PATH + "?limit=0", manager), 400);
        assertConforms("get", get(PATH, null), 401);
    }
}
