package io.confcdr.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Real answers of the subscription routes, each validated against the schema {@code /openapi.json} declares for it. */
class SubscriptionOpenApiResponsesTest extends AbstractPushApiTest {

    private static final String DOCUMENT_URI = "https://confcdr.test/openapi.json";
    private static final String ITEM = BASE + "/{subscription_sid}";

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }

    private JsonNode document;
    private SchemaRegistry registry;

    private void readDocument() {
        HttpResponse<String> served = call("GET", "/openapi.json", null, acmeManager);
        document = json(served);
        registry = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(), builder -> builder.schemas(Map.of(DOCUMENT_URI, served.body())));
    }

    private List<Error> violations(String path, String method, HttpResponse<String> response) {
        String status = Integer.toString(response.statusCode());
        JsonNode declared = document.path("paths").path(path).path(method).path("responses").path(status);
        assertThat(declared.isMissingNode()).as("%s %s declares a %s response", method, path, status).isFalse();
        String pointer = declared.has("$ref") ? declared.get("$ref").stringValue().substring(1)
                : "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/responses/" + status;
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer + "/content/application~1json/schema"));
        return schema.validate(JSON.readTree(response.body()));
    }

    private void assertConforms(String path, String method, HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        assertThat(violations(path, method, response)).as(response.body()).isEmpty();
    }

    @Test
    void everySubscriptionAnswerConformsToTheDocument() {
        readDocument();
        HttpResponse<String> created = call("POST", BASE, "{\"url\":\"" + receiver.url() + "\",\"filter\":\"direction eq inbound\",\"max_batch\":1}", acmeManager);
        assertConforms(BASE, "post", created, 201);
        String sid = json(created).get("subscription_sid").stringValue();
        String item = BASE + "/" + sid;
        ingest(ACME, 2);
        receiver.awaitAcknowledged(2);
        awaitLog(sid, 2);

        assertConforms(BASE, "get", call("GET", BASE, null, acmeManager), 200);
        assertConforms(ITEM, "get", call("GET", item, null, acmeManager), 200);
        assertConforms(ITEM, "patch", call("PATCH", item, "{\"status\":\"paused\",\"include_fields\":null}", acmeManager), 200);
        assertConforms(ITEM + "/secret", "post", call("POST", item + "/secret", null, acmeManager), 200);
        assertConforms(ITEM + "/deliveries", "get", call("GET", item + "/deliveries", null, acmeManager), 200);
        HttpResponse<String> first = call("GET", item + "/deliveries?limit=1&filter=acknowledged%20eq%20true", null, acmeManager);
        assertConforms(ITEM + "/deliveries", "get", first, 200);
        String next = json(first).get("pagination").get("next").stringValue();
        assertConforms(ITEM + "/deliveries", "get", call("GET", next.substring(next.indexOf("/core")), null, acmeManager), 200);
        assertConforms(ITEM + "/deliveries", "get", call("GET", item + "/deliveries?filter=nope%20eq%201", null, acmeManager), 400);
        assertConforms(ITEM + "/replay", "post", call("POST", item + "/replay", "{\"date_insert_from\":\"2024-01-01T00:00:00.000Z\"}", acmeManager), 202);

        assertConforms(BASE, "post", call("POST", BASE, "{\"url\":\"" + receiver.url() + "\",\"filter\":\"nope eq 1\"}", acmeManager), 400);
        assertConforms(BASE, "post", call("POST", BASE, "{\"url\":\"gopher://x\"}", acmeManager), 422);
        assertConforms(ITEM, "get", call("GET", BASE + "/missing", null, acmeManager), 404);
        String reader = new TokenIssuer(storage.tokens(), clock).issue(ACME, "r", Set.of(Scopes.APP_READ), null).secret();
        assertConforms(BASE, "get", call("GET", BASE, null, reader), 403);
        assertThat(call("DELETE", item, null, acmeManager).statusCode()).isEqualTo(204);
    }
}
