package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.confcdr.boot.Services;
import io.confcdr.store.memory.MemoryStorage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Routes an embedder adds (the benchmarks' same-server floor) are served like the API's own: audited,
 * and with the API's JSON errors around them, so a floor measured on them pays the server's own
 * per-request work.
 */
class ApiServerExtraRoutesTest {

    private static final Logger AUDIT = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);

    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    @BeforeEach
    void start() {
        audit.start();
        AUDIT.setLevel(Level.INFO);
        AUDIT.addAppender(audit);
        server = ApiServer.start(Services.over(new MemoryStorage(Clock.systemUTC()), Clock.systemUTC()),
                new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES),
                routes -> routes.get("/extra/constant", ctx -> ctx.contentType("application/json").result("{\"a\":1}")));
    }

    @AfterEach
    void stop() {
        server.close();
        AUDIT.detachAppender(audit);
        AUDIT.setLevel(null);
    }

    @Test
    void anExtraRouteIsServedAndAuditedLikeTheApisOwn() throws Exception {
        HttpResponse<String> response = get("/extra/constant");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"a\":1}");
        assertThat(auditLine()).startsWith("token=- method=GET route=/extra/constant status=200 ms=");
    }

    @Test
    void theApiRoutesAreStillThereBesideIt() throws Exception {
        HttpResponse<String> response = get("/core/v2/app/conference/calls");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).startsWith("{\"errors\":[");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The audit line is written as the request completes, possibly just after the client has the response. */
    private String auditLine() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            synchronized (audit) {
                if (!audit.list.isEmpty()) {
                    return audit.list.getFirst().getFormattedMessage();
                }
            }
            Thread.sleep(10);
        }
        return "";
    }
}
