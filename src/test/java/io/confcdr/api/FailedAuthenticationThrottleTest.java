package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A burst of bad tokens from one address is throttled; other addresses and good tokens are not. */
class FailedAuthenticationThrottleTest extends AbstractApiTest {

    private static final String CALLS = "/core/v2/app/conference/calls";

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }

    /** A client whose connections come from {@code address}, one of the loopback range 127.0.0.0/8. */
    private static HttpClient from(String address) throws IOException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .localAddress(InetAddress.getByName(address)).build();
    }

    private HttpResponse<String> get(HttpClient client, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(CALLS))).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBurstOfBadTokensFromOneAddressGets429WithRetryAfter() throws Exception {
        HttpClient attacker = from("127.0.0.2");
        for (int i = 0; i < RequestAuth.FAILED_AUTH_BURST; i++) {
            assertThat(get(attacker, "ccdr_guess" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = get(attacker, "ccdr_guess-more");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(throttled).get("errors").get(0).get("message").stringValue())
                .isEqualTo("too many failed authentications from this address; retry after 1 s");
    }

    @Test
    void aThrottledAddressDoesNotSlowClientsElsewhere() throws Exception {
        HttpClient attacker = from("127.0.0.2");
        for (int i = 0; i <= RequestAuth.FAILED_AUTH_BURST; i++) {
            get(attacker, "ccdr_guess" + i);
        }

        assertThat(get(from("127.0.0.3"), acmeReader).statusCode()).isEqualTo(200);
        assertThat(get(from("127.0.0.3"), "ccdr_typo").statusCode()).isEqualTo(401);
    }

    @Test
    void goodTokensFromOneAddressAreNeverCountedAsFailures() throws Exception {
        HttpClient busy = from("127.0.0.4");
        for (int i = 0; i < RequestAuth.FAILED_AUTH_BURST * 2; i++) {
            assertThat(get(busy, acmeReader).statusCode()).isEqualTo(200);
        }

        assertThat(get(busy, "ccdr_one-typo").statusCode()).isEqualTo(401);
    }
}
