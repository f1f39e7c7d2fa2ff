package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.store.memory.MemoryStorage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from PEM files made at test time by {@code openssl}: served, verified by a client that trusts only
 * that certificate, replaced on disk and picked up without a restart; plain HTTP on the redirect port is
 * sent to HTTPS.
 */
class TlsServingTest {

    /** Two certificates made once for the class: keys take a while to generate. */
    @TempDir
    static Path made;

    @TempDir
    Path dir;

    private Path certificate;
    private Path key;
    private ApiServer server;
    private X509Certificate first;
    private X509Certificate second;

    @BeforeAll
    static void makeCertificates() throws Exception {
        selfSigned("first", made.resolve("cert.pem"), made.resolve("key.pem"));
        selfSigned("second", made.resolve("second-cert.pem"), made.resolve("second-key.pem"));
    }

    @BeforeEach
    void start() throws Exception {
        for (String name : new String[] {"cert.pem", "key.pem", "second-cert.pem", "second-key.pem"}) {
            Files.copy(made.resolve(name), dir.resolve(name));
        }
        certificate = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        first = read(certificate);
        second = read(dir.resolve("second-cert.pem"));
        server = ApiServer.start(new MemoryStorage(Clock.systemUTC()),
                new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES)
                        .withTls(new ApiConfig.Tls(certificate, key, 0)), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static void selfSigned(String name, Path cert, Path key) throws Exception {
        SelfSignedCertificate.make(name, cert, key);
    }

    private static X509Certificate read(Path pem) throws Exception {
        return SelfSignedCertificate.read(pem);
    }

    private HttpClient client() throws Exception {
        return SelfSignedCertificate.trustingOnly(first, second);
    }

    private String servedCommonName() throws Exception {
        // A new client each time: a new TLS handshake, not a kept-alive connection from before the change.
        HttpResponse<String> response = client().send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var peer = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        return peer.getSubjectX500Principal().getName();
    }

    @Test
    void theApiIsServedOverHttpsWithTheConfiguredCertificate() throws Exception {
        assertThat(server.secure()).isTrue();
        assertThat(servedCommonName()).isEqualTo("CN=first");
    }

    @Test
    void aCertificateReplacedOnDiskIsServedWithoutARestart() throws Exception {
        // The key first, then the certificate, each by an atomic rename: as certbot's deploy hooks do.
        Files.move(dir.resolve("second-key.pem"), key, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(dir.resolve("second-cert.pem"), certificate,
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        Instant deadline = Instant.now().plusSeconds(15);
        String served = servedCommonName();
        while (!served.equals("CN=second") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            served = servedCommonName();
        }

        assertThat(served).isEqualTo("CN=second");
    }

    @Test
    void plainHttpOnTheRedirectPortIsSentToHttpsKeepingPathAndQuery() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.redirectPort() + "/core/v2/app/conference/calls?limit=1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(response.headers().firstValue("Location")).contains(
                "https://127.0.0.1:" + server.port() + "/core/v2/app/conference/calls?limit=1");
    }

    @Test
    void theHttpsPortDoesNotServePlainHttp() {
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/health/live")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException refused) {
            return;
        }
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
    }
}
