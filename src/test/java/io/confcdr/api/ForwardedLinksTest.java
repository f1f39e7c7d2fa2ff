package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Behind a reverse proxy, {@code pagination.next} follows what the proxy forwarded ({@code Forwarded} or
 * {@code X-Forwarded-*}) only when the request came from a configured trusted proxy. The tests connect
 * from 127.0.0.1: {@link TrustedProxyLinksTest} trusts it, {@link UntrustedProxyLinksTest} trusts another block.
 */
abstract class ForwardedLinksTest extends AbstractApiTest {

    static final String LIST = "/core/v2/app/conference/calls";

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }

    List<Cdr> ingestLegs(int count) {
        List<Cdr> legs = IntStream.range(0, count).mapToObj(i -> Calls.leg(i, ACME)).toList();
        assertThat(postNdjson(ndjson(legs)).statusCode()).isEqualTo(200);
        return legs;
    }

    String nextLink(String... headers) {
        var request = HttpRequest.newBuilder(URI.create(url(LIST + "?limit=1")))
                .header("Authorization", "Bearer " + acmeReader);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return json(send(request.GET().build())).get("pagination").get("next").stringValue();
    }
}
