package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Overload: far more concurrent page reads than the store has connections. Each is answered with its page
 * or with 503 and Retry-After, never a 500 or a dropped connection; and the short requests every client makes
 * (health, a record by sid) still succeed meanwhile. How fast they stay is a benchmark's figure, not this
 * test's: the suite runs on a shared machine.
 */
abstract class OverloadApiContract extends AbstractApiTest {

    private static final int CONCURRENT_PAGES = 300;

    /** The per-token rate limit is not under test: one token sends all of this load. */
    @Override
    protected ApiConfig config() {
        return super.config().withRateLimit(1_000_000, 1_000_000);
    }

    @Test
    void concurrentPageReadsBeyondThePoolGetTheirPageOr503WithRetryAfterWhileShortRequestsStayPrompt() throws Exception {
        List<Cdr> legs = new ArrayList<>();
        for (int n = 0; n < 1500; n++) {
            legs.add(Calls.leg(n, ACME));
        }
        storage.cdrs().insert(legs);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest page = HttpRequest.newBuilder(URI.create(url("/core/v2/app/conference/calls?limit=1000")))
                .header("Authorization", "Bearer " + acmeReader).build();
        get("/core/v2/app/conference/calls?limit=1", acmeReader);

        List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_PAGES; i++) {
            pages.add(client.sendAsync(page, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> shortRequests = new ArrayList<>();
        while (pages.stream().anyMatch(p -> !p.isDone())) {
            shortRequests.add(get("/health", null));
            shortRequests.add(getRecord(legs.get(7).callSid(), acmeReader));
        }

        List<HttpResponse<String>> answers = pages.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503).contains(200);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 503).allSatisfy(answer -> {
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(json(answer).get("message").stringValue()).isEqualTo("Service unavailable");
        });
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200)
                .allSatisfy(answer -> assertThat(json(answer).get("count").intValue()).isEqualTo(1000));
        assertThat(shortRequests).isNotEmpty().extracting(HttpResponse::statusCode).containsOnly(200);
    }
}
