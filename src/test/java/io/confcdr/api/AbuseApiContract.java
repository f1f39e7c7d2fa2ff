package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.confcdr.auth.IssuedToken;
import io.confcdr.auth.Scopes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What stands between the API and a hostile or careless client: malformed credentials, the per-token
 * rate limit, oversized requests, the audit log, and secrets that never leave the place they belong.
 */
abstract class AbuseApiContract extends AbstractAdminApiTest {

    private static final String LIST = "/core/v2/app/conference/calls";
    private static final Logger AUDIT = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);

    /** The test logging configuration keeps INFO quiet; the audit lines are what these tests read. */
    @BeforeEach
    void captureAuditLines() {
        AUDIT.setLevel(Level.INFO);
        AUDIT.setAdditive(false);
        AUDIT.addAppender(log);
    }

    @AfterEach
    void releaseAuditLines() {
        AUDIT.detachAppender(log);
        AUDIT.setAdditive(true);
        AUDIT.setLevel(null);
    }

    /** The audit lines logged so far; the line of a request is written as the request completes. */
    private List<String> auditLines(int expected) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (auditCount() < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        synchronized (log) {
            return log.list.stream().filter(event -> event.getLoggerName().equals(AuditLog.LOGGER))
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private long auditCount() {
        synchronized (log) {
            return log.list.stream().filter(event -> event.getLoggerName().equals(AuditLog.LOGGER)).count();
        }
    }

    @Test
    void aBearerHeaderWithoutATokenIs401Unauthorized() {
        for (String header : List.of("Bearer", "Bearer    ", "Bearer\t")) {
            HttpResponse<String> response = getWithHeader(LIST, header);

            assertThat(response.statusCode()).as("'%s'", header).isEqualTo(401);
            assertThat(json(response).get("message").stringValue()).isEqualTo("Unauthorized");
        }
    }

    @Test
    void aMalformedTokenIs401BadCredentialsLikeAnUnknownOne() {
        HttpResponse<String> malformed = getWithHeader(LIST, "Bearer not a token at all");
        HttpResponse<String> unknown = get(LIST, "ccdr_" + "B".repeat(43));

        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(malformed.body()).isEqualTo(unknown.body());
    }

    @Test
    void twoAuthorizationHeadersAre401EvenWhenBothTokensAreValid() {
        for (List<String> tokens : List.of(List.of(acmeReader, acmeReader), List.of(acmeReader, globexReader),
                List.of("ccdr_" + "B".repeat(43), acmeReader))) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(LIST)))
                    .header("Authorization", "Bearer " + tokens.get(0))
                    .header("Authorization", "Bearer " + tokens.get(1)).GET().build());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.body()).isEqualTo("{\"errors\":[{\"field\":\"Authorization\",\"message\":"
                    + "\"send exactly one Authorization header\"}],\"message\":\"Unauthorized\"}");
        }
    }

    @Test
    void theAdminRoutesNeedATokenToo() {
        assertThat(get(PARTNERS, null).statusCode()).isEqualTo(401);
        assertThat(get(TOKENS, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenOverItsRateIs429WithRetryAfterWhileOtherTokensCarryOn() {
        server.close();
        server = ApiServer.start(storage, config().withRateLimit(0.5, 2), clock);

        assertThat(get(LIST, acmeReader).statusCode()).isEqualTo(200);
        assertThat(get(LIST, acmeReader).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get(LIST, acmeReader);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(1L, 2L));
        assertThat(json(refused).get("message").stringValue()).isEqualTo("Too many requests");
        assertThat(get(LIST, globexReader).statusCode()).isEqualTo(200);
    }

    @Test
    void aUrlAbove8KiBIs414() {
        HttpResponse<String> response = get(LIST + "?filter=" + "x".repeat(9 * 1024), acmeReader);

        assertThat(response.statusCode()).isEqualTo(414);
    }

    @Test
    void requestHeadersAbove8KiBAre431() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(LIST)))
                .header("Authorization", "Bearer " + acmeReader).header("X-Padding", "p".repeat(9 * 1024)).GET().build());

        assertThat(response.statusCode()).isEqualTo(431);
    }

    @Test
    void everyRequestLeavesOneAuditLineWithTokenIdRouteAndStatus() {
        IssuedToken token = issueToken(ACME, null, Scopes.APP_READ);
        log.list.clear();

        get(LIST + "/CA-does-not-exist?include_fields=call_sid", token.secret());

        assertThat(auditLines(1)).singleElement().asString()
                .startsWith("token=" + token.token().id() + " method=GET route=/core/v2/app/conference/calls/{call_sid} status=404 ms=")
                .doesNotContain("CA-does-not-exist");
    }

    @Test
    void anUnauthenticatedRequestIsAuditedWithoutATokenId() {
        log.list.clear();

        get(PARTNERS, "ccdr_" + "C".repeat(43));

        assertThat(auditLines(1)).singleElement().asString().startsWith("token=- method=GET route=/core/v2/partners status=401");
    }

    @Test
    void noSecretOrItsHashAppearsInAnyResponseOrLogLineBeyondTheCreatingResponse() throws Exception {
        HttpResponse<String> created = sendJson("POST", NEW_TOKEN + "/" + PARIS,
                "{\"name\":\"bridge\",\"scopes\":[\"app.read\",\"cdr.ingest\"]}", acmeAdmin);
        JsonNode token = json(created);
        String secret = token.get("access_token").stringValue();
        String tokenSid = token.get("token_sid").stringValue();
        List<String> forbidden = new ArrayList<>();
        for (String known : List.of(secret, acmeAdmin)) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(known.getBytes(StandardCharsets.UTF_8));
            forbidden.addAll(List.of(known, HexFormat.of().formatHex(hash), Base64.getEncoder().encodeToString(hash),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(hash)));
        }

        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(get(LIST, secret));
        responses.add(get(TOKENS + "?limit=1000", acmeAdmin));
        responses.add(get(TOKENS + "/" + tokenSid, acmeAdmin));
        responses.add(get(PARTNERS + "/" + PARIS, acmeAdmin));
        responses.add(sendJson("POST", NEW_TOKEN, "{\"scopes\":[\"oauth.manage\",\"partners.manage\",\"app.read_descendant\"]}", secret));
        responses.add(sendJson("POST", NEW_TOKEN, "{\"scopes\":\"" + secret + "\"}", acmeAdmin));
        responses.add(delete(TOKENS + "/" + tokenSid, acmeAdmin));
        responses.add(get(LIST, secret));
        responses.add(getWithHeader(LIST, "Basic " + secret));
        responses.add(get(LIST + "?filter=" + "y".repeat(9000), secret));

        for (HttpResponse<String> response : responses) {
            String headers = response.headers().map().toString();
            for (String value : forbidden) {
                assertThat(response.body()).as("%s %s", response.request().method(), response.uri()).doesNotContain(value);
                assertThat(headers).doesNotContain(value);
            }
        }
        // Every request but the one Jetty refused (414) before routing left its audit line, the creation included.
        assertThat(auditLines(responses.size())).hasSize(responses.size());
        for (String value : forbidden) {
            assertThat(logText()).doesNotContain(value);
        }
    }
}
