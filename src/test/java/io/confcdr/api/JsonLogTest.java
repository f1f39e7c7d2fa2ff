package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.confcdr.boot.Logging;
import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@code --log-format json}: every line one JSON object with time, level, logger and message, and for each
 * request its id (also the {@code X-Request-Id} response header), partner sid, route, status and duration;
 * never a bearer token, valid or not.
 */
class JsonLogTest extends AbstractApiTest {

    private static final String LIST = "/core/v2/app/conference/calls";

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private Logger audit;
    private Level auditLevel;

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }

    @BeforeEach
    void logAsJson() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setOutputStream(written);
        appender.setEncoder(Logging.jsonEncoder(context));
        appender.start();
        audit = context.getLogger(AuditLog.LOGGER);
        auditLevel = audit.getLevel();
        audit.setLevel(Level.INFO);
        audit.addAppender(appender);
    }

    @AfterEach
    void restore() {
        audit.detachAppender(appender);
        audit.setLevel(auditLevel);
        appender.stop();
    }

    private List<JsonNode> lines() {
        return written.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
    }

    /** The key-value pairs of a line, which JsonEncoder writes as a list of one-entry objects. */
    private static Map<String, String> pairs(JsonNode line) {
        Map<String, String> pairs = new HashMap<>();
        line.path("kvpList").forEach(pair -> pair.properties().forEach(e -> pairs.put(e.getKey(), e.getValue().asString())));
        return pairs;
    }

    @Test
    void eachRequestIsOneJsonLineWithItsIdPartnerRouteStatusAndDuration() {
        HttpResponse<String> response = get(LIST + "?limit=1", acmeReader);

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode line = lines.getFirst();
        assertThat(line.path("timestamp").isNumber()).isTrue();
        assertThat(line.path("level").asString()).isEqualTo("INFO");
        assertThat(line.path("loggerName").asString()).isEqualTo(AuditLog.LOGGER);
        assertThat(line.path("formattedMessage").asString()).startsWith("token=");
        assertThat(pairs(line)).containsEntry("request_id", requestId)
                .containsEntry("partner_sid", ACME)
                .containsEntry("route", LIST)
                .containsEntry("status", "200")
                .containsKey("duration_ms");
    }

    @Test
    void aRequestIdSentByAProxyIsKept() {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(LIST)))
                .header("Authorization", "Bearer " + acmeReader).header("X-Request-Id", "proxy-42").GET().build();

        HttpResponse<String> response = send(request);

        assertThat(response.headers().firstValue("X-Request-Id")).contains("proxy-42");
        assertThat(pairs(lines().getFirst())).containsEntry("request_id", "proxy-42");
    }

    @Test
    void noBearerTokenEverReachesTheLog() {
        get(LIST, acmeReader);
        get(LIST, "not-a-token-but-secret-looking");
        get(LIST + "?filter=" + acmeIngest, acmeReader);

        String log = written.toString(StandardCharsets.UTF_8);
        assertThat(lines()).hasSize(3);
        assertThat(log).doesNotContain(acmeReader, "not-a-token-but-secret-looking", acmeIngest);
    }
}
