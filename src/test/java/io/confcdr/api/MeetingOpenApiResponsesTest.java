package io.confcdr.api;

import io.confcdr.store.sql.SqlStorageFactory;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import io.confcdr.store.FailingStorage;
import io.confcdr.store.Storage;
import io.confcdr.store.StoreUnavailableException;
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
 * The meeting routes' real responses (on SQLite) validate against what the served {@code /openapi.json}
 * declares for the operation and status, so a generated client reads every answer, errors included.
 */
class MeetingOpenApiResponsesTest extends AbstractApiTest {

    private static final String DOCUMENT_URI = "https://confcdr.test/openapi.json";
    private static final String LIST = MeetingRoutes.LIST_PATH;
    private static final String MEETING = MeetingRoutes.MEETING_PATH;

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
    void readTheServedDocumentAndStoreAMeeting() {
        HttpResponse<String> served = get("/openapi.json", null);
        assertThat(served.statusCode()).isEqualTo(200);
        document = json(served);
        registry = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(),
                builder -> builder.schemas(Map.of(DOCUMENT_URI, served.body())));
        storage.cdrs().insert(List.of(
                MeetingApiContract.leg("c1", ACME, "m1", 0, 50, "host", "+1"),
                MeetingApiContract.leg("c2", ACME, "m1", 10, 20, "participant", null),
                MeetingApiContract.leg("c3", ACME, "m2", 0, 60, "host", "+1"),
                MeetingApiContract.leg("c4", PARIS, "m2", 0, 61, "host", "+1")));
    }

    private void assertConforms(String path, HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        String status = Integer.toString(response.statusCode());
        JsonNode declared = document.path("paths").path(path).path("get").path("responses").path(status);
        assertThat(declared.isMissingNode()).as("GET %s declares a %s response", path, status).isFalse();
        String pointer = declared.has("$ref")
                ? declared.get("$ref").stringValue().substring(1)
                : "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/get/responses/" + status;
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer + "/content/application~1json/schema"));
        assertThat(schema.validate(JSON.readTree(response.body()))).as(response.body()).isEmpty();
    }

    @Test
    void aMeetingConforms() {
        assertConforms(MEETING, get(LIST + "/m1", acmeReader), 200);
    }

    @Test
    void aPartialMeetingOfTwoPartnersConforms() {
        assertConforms(MEETING, get(LIST + "/m2", acmeSubtreeReader), 200);
    }

    @Test
    void aFieldFilteredMeetingConforms() {
        assertConforms(MEETING, get(LIST + "/m1?include_fields=call_sid", acmeReader), 200);
    }

    @Test
    void anInvisibleMeetingConforms() {
        assertConforms(MEETING, get(LIST + "/m1", globexReader), 404);
    }

    @Test
    void aMeetingPageWithBothLinksConforms() {
        assertConforms(LIST, get(LIST + "?limit=1&offset=1&order=minutes+desc", acmeSubtreeReader), 200);
    }

    @Test
    void anEmptyMeetingPageConforms() {
        assertConforms(LIST, get(LIST, globexReader), 200);
    }

    @Test
    void badListParametersConform() {
        assertConforms(LIST, get(LIST + "?order=duration", acmeReader), 400);
        assertConforms(LIST, get(LIST + "?filter=role+eq", acmeReader), 400);
    }

    @Test
    void missingTokensAndScopesConform() {
        assertConforms(LIST, get(LIST, null), 401);
        assertConforms(MEETING, get(LIST + "/m1", acmeIngest), 403);
    }

    @Test
    void anUnreachableStoreConformsOnBothOperations() {
        failing.failWith(() -> new StoreUnavailableException("database unreachable", null));
        assertConforms(LIST, get(LIST, acmeReader), 503);
        assertConforms(MEETING, get(LIST + "/m1", acmeReader), 503);
    }
}
