package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.config.Cidr;
import io.confcdr.model.Cdr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A peer outside the trusted proxies (10.0.0.0/8 here) cannot move absolute links elsewhere. */
class UntrustedProxyLinksTest extends ForwardedLinksTest {

    @Override
    protected ApiConfig config() {
        return super.config().withTrustedProxies(List.of(Cidr.parse("10.0.0.0/8")));
    }

    @Test
    void xForwardedHeadersFromAnyOtherPeerAreIgnored() {
        List<Cdr> legs = ingestLegs(2);

        assertThat(nextLink("X-Forwarded-Proto", "https", "X-Forwarded-Host", "cdr.example.com"))
                .isEqualTo("http://127.0.0.1:" + server.port() + LIST + "?limit=1&after=" + legs.getFirst().callSid());
    }

    @Test
    void theStandardForwardedHeaderFromAnyOtherPeerIsIgnored() {
        List<Cdr> legs = ingestLegs(2);

        assertThat(nextLink("Forwarded", "proto=https;host=cdr.example.com"))
                .isEqualTo("http://127.0.0.1:" + server.port() + LIST + "?limit=1&after=" + legs.getFirst().callSid());
    }
}
