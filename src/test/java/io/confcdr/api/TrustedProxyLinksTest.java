package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.config.Cidr;
import io.confcdr.model.Cdr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A peer in the trusted proxies (127.0.0.0/8 here) sets the scheme and host of absolute links with
 * {@code Forwarded} or {@code X-Forwarded-*}.
 */
class TrustedProxyLinksTest extends ForwardedLinksTest {

    @Override
    protected ApiConfig config() {
        return super.config().withTrustedProxies(List.of(Cidr.parse("127.0.0.0/8")));
    }

    @Test
    void xForwardedHeadersFromATrustedProxyMakeTheLinks() {
        List<Cdr> legs = ingestLegs(2);

        assertThat(nextLink("X-Forwarded-Proto", "https", "X-Forwarded-Host", "cdr.example.com"))
                .isEqualTo("https://cdr.example.com" + LIST + "?limit=1&after=" + legs.getFirst().callSid());
    }

    @Test
    void theStandardForwardedHeaderFromATrustedProxyMakesTheLinks() {
        List<Cdr> legs = ingestLegs(2);

        assertThat(nextLink("Forwarded", "for=192.0.2.60;proto=https;host=\"cdr.example.com:8443\""))
                .isEqualTo("https://cdr.example.com:8443" + LIST + "?limit=1&after=" + legs.getFirst().callSid());
    }

    @Test
    void ofSeveralForwardedValuesTheOneTheTrustedProxyAddedCounts() {
        List<Cdr> legs = ingestLegs(2);

        assertThat(nextLink("X-Forwarded-Host", "evil.example, cdr.example.com", "X-Forwarded-Proto", "https"))
                .startsWith("https://cdr.example.com" + LIST + "?limit=1&after=" + legs.getFirst().callSid());
    }

    @Test
    void aForwardedHostThatCouldInjectAUrlIsIgnored() {
        ingestLegs(2);

        assertThat(nextLink("X-Forwarded-Host", "evil.example/x?", "X-Forwarded-Proto", "javascript"))
                .startsWith("http://127.0.0.1:" + server.port() + LIST);
    }
}
