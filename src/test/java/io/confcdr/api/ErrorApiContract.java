package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes that do not exist, methods that are not allowed, and the unauthenticated operator endpoints. */
abstract class ErrorApiContract extends AbstractApiTest {

    @Test
    void anUnknownRouteIs404NotFoundInJson() {
        HttpResponse<String> response = get("/core/v2/app/conference/cdrs", acmeReader);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"errors\":[{\"field\":null,\"message\":\"no such resource\"}],\"message\":\"Not Found\"}");
    }

    @Test
    void aWrongMethodIs405() {
        var request = HttpRequest.newBuilder(URI.create(url("/core/v2/app/conference/calls")))
                .header("Authorization", "Bearer " + acmeReader)
                .DELETE().build();

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).isEqualTo(
                "{\"errors\":[{\"field\":null,\"message\":\"method DELETE is not allowed here\"}],\"message\":\"Method not allowed\"}");
    }

    @Test
    void readingTheIngestRouteIs405() {
        assertThat(get("/ingest/v1/conference/calls", acmeIngest).statusCode()).isEqualTo(405);
    }

    @Test
    void aRequestJettyCannotDecodeIsAnsweredInJsonToo() throws Exception {
        String response = rawHttp("GET /core/v2/app/conference/calls/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json")
                .endsWith("{\"errors\":[{\"field\":null,\"message\":\"the request could not be read: Bad Request\"}],\"message\":\"Bad Request\"}");
    }

    private String rawHttp(String request) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNulCharacterInAQueryParameterIs400OnEveryStore() {
        HttpResponse<String> filter = get("/core/v2/app/conference/calls?filter=call_sid%20eq%20%27a%00b%27", acmeReader);
        HttpResponse<String> cursor = get("/core/v2/app/conference/calls?after=%00", acmeReader);

        assertThat(filter.statusCode()).isEqualTo(400);
        assertThat(filter.body()).contains("\"field\":\"filter\"", "must not contain the NUL character");
        assertThat(cursor.statusCode()).isEqualTo(400);
        assertThat(cursor.body()).contains("\"field\":\"after\"", "must not contain the NUL character");
    }

    @Test
    void healthIsOkWithoutATokenWhenTheStoreAnswersAndTakesWrites() {
        String ok = "{\"status\":\"ok\",\"version\":\"" + io.confcdr.boot.Version.current() + "\"}";
        for (String route : List.of("/health", "/health/ready", "/health/live")) {
            HttpResponse<String> response = get(route, null);

            assertThat(response.statusCode()).as(route).isEqualTo(200);
            assertThat(response.body()).as(route).isEqualTo(ok);
        }
    }

    @Test
    void metricsAreServedInPrometheusFormatWithoutAToken() {
        postNdjson(ndjson(List.of(Calls.leg(1, ACME))));
        get("/core/v2/app/conference/calls", acmeReader);

        HttpResponse<String> response = get("/metrics", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("confcdr_ingest_records_total{outcome=\"accepted\"} 1.0")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/core/v2/app/conference/calls\",status_class=\"2xx\"}");
    }

    @Test
    void theOpenApiDocumentIsServedFromTheClasspathWithoutATokenStatingTheServersVersion() throws Exception {
        HttpResponse<String> response = get("/openapi.json", null);

        try (InputStream bundled = getClass().getResourceAsStream("/openapi.json")) {
            if (bundled == null) {
                assertThat(response.statusCode()).isEqualTo(404);
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                var json = tools.jackson.databind.json.JsonMapper.builder().build();
                var expected = (tools.jackson.databind.node.ObjectNode) json.readTree(
                        new String(bundled.readAllBytes(), StandardCharsets.UTF_8));
                ((tools.jackson.databind.node.ObjectNode) expected.get("info")).put("version", io.confcdr.boot.Version.current());
                assertThat(json.readTree(response.body())).isEqualTo(expected);
            }
        }
    }
}
