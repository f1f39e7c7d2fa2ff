package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.boot.Services;
import io.confcdr.boot.Version;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** One version everywhere: the pom's, as {@code --version}, {@code /health} and the served OpenAPI document say it. */
class VersionConsistencyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The project's own version: the first {@code <version>} after the artifactId in pom.xml. */
    private static String pomVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        var matcher = Pattern.compile("<artifactId>confcdr</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(matcher.find()).as("pom.xml names confcdr's version").isTrue();
        return matcher.group(1);
    }

    private static String get(ApiServer server, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void theVersionIsThePomsVersion() throws Exception {
        assertThat(Version.current()).isEqualTo(pomVersion());
    }

    @Test
    void versionOptionHealthAndOpenApiStateTheSameVersion() throws Exception {
        var cli = new CliHarness();
        var result = cli.run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("confcdr " + pomVersion() + " on Java ");

        try (Services services = Services.over(cli.storage, CliHarness.CLOCK);
             ApiServer server = ApiServer.start(services, new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES))) {
            assertThat(JSON.readTree(get(server, "/health")).get("version").stringValue()).isEqualTo(pomVersion());
            assertThat(JSON.readTree(get(server, "/health/live")).get("version").stringValue()).isEqualTo(pomVersion());
            assertThat(JSON.readTree(get(server, "/openapi.json")).get("info").get("version").stringValue())
                    .isEqualTo(pomVersion());
        }
    }
}
