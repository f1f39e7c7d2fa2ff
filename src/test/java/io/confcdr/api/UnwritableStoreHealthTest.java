package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.admin.NewPartner;
import io.confcdr.admin.NewToken;
import io.confcdr.admin.AdminResult;
import io.confcdr.auth.Caller;
import io.confcdr.boot.Services;
import io.confcdr.boot.Version;
import io.confcdr.store.sql.SqlStorageFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server on a real SQLite file it cannot write: alive, but not ready, and ingest is a 503 a bridge
 * retries, not a 500. Tests run as root on this machine, where file permissions (chmod) do not stop a write,
 * and {@code chattr +i} needs a file system that supports it; so the store is opened with SQLite's read-only
 * open flag, which makes SQLite fail every write with the same error as a file it may not write.
 */
class UnwritableStoreHealthTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String PARTNER = "cee93bf3-5746-43fe-a1a2-822c05fef687";

    @TempDir
    Path dataDir;

    private Services services;
    private ApiServer server;
    private String ingestToken;

    @BeforeEach
    void serveAStoreThatWasWrittenOnceAndIsNowReadOnly() {
        try (Services writable = Services.over(SqlStorageFactory.sqlite(dataDir, CLOCK), CLOCK)) {
            writable.partners().create(Caller.operator(), new NewPartner(PARTNER, "Acme", null, null, null));
            var issued = writable.tokens().issue(Caller.operator(), PARTNER, new NewToken("bridge", Set.of("cdr.ingest"), null));
            ingestToken = ((AdminResult.Done<io.confcdr.auth.IssuedToken>) issued).value().secret();
        }
        services = Services.over(SqlStorageFactory.sqliteReadOnly(dataDir, CLOCK), CLOCK);
        server = ApiServer.start(services, new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES));
    }

    @AfterEach
    void stop() {
        server.close();
        services.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    @Test
    void healthAndReadinessAre503WithTheReason() throws Exception {
        String unavailable = "{\"status\":\"unavailable\",\"reason\":\"the store cannot be written\",\"version\":\""
                + Version.current() + "\"}";
        for (String route : new String[] {"/health", "/health/ready"}) {
            HttpResponse<String> response = send(at(route));

            assertThat(response.statusCode()).as(route).isEqualTo(503);
            assertThat(response.body()).as(route).isEqualTo(unavailable);
        }
    }

    @Test
    void livenessIs200BecauseTheProcessStillServes() throws Exception {
        HttpResponse<String> response = send(at("/health/live"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"version\":\"" + Version.current() + "\"}");
    }

    @Test
    void ingestIsA503ToRetryNotA500() throws Exception {
        String record = "{\"call_sid\":\"c-1\",\"partner_sid\":\"" + PARTNER + "\",\"date_start\":\"2024-12-14T10:03:14Z\","
                + "\"date_stop\":\"2024-12-14T10:04:04Z\"}\n";

        HttpResponse<String> response = send(at("/ingest/v1/conference/calls")
                .header("Authorization", "Bearer " + ingestToken).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(record)));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"message\":\"Service unavailable\"");
    }
}
