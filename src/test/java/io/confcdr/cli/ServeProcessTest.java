package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.api.SelfSignedCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code confcdr serve} as a real child process configured by a TOML file: it serves HTTPS, says so in
 * its log, takes a new certificate on SIGHUP instead of dying of it, and logs one JSON object per line
 * without ever writing a bearer token.
 */
class ServeProcessTest {

    private static final Pattern LISTENING = Pattern.compile("confcdr listening on (https?)://127\\.0\\.0\\.1:(\\d+)");
    private static final String SECRET_LOOKING = "ccdr_thisLooksLikeASecretButIsNone0123456789abc";

    @TempDir
    Path dir;

    private Process serve;

    @AfterEach
    void stop() throws Exception {
        if (serve != null && serve.isAlive()) {
            serve.destroy();
            serve.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void servesHttpsReloadsOnSighupAndLogsJsonWithoutTokens() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        SelfSignedCertificate.make("first", cert, key);
        SelfSignedCertificate.make("second", dir.resolve("cert2.pem"), dir.resolve("key2.pem"));
        X509Certificate first = SelfSignedCertificate.read(cert);
        X509Certificate second = SelfSignedCertificate.read(dir.resolve("cert2.pem"));
        Path config = Files.writeString(dir.resolve("confcdr.toml"), """
                [listen]
                host = "127.0.0.1"
                port = 0
                [tls]
                certificate = "%s"
                private_key = "%s"
                [store]
                data = "%s"
                [log]
                format = "json"
                """.formatted(cert, key, dir.resolve("data")));
        Path log = dir.resolve("stderr.log");
        serve = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                // The production logging, not the test classpath's quieter logback-test.xml.
                "-Dlogback.configurationFile=" + Path.of(Main.class.getResource("/logback.xml").toURI()),
                Main.class.getName(), "serve", "--config", config.toString())
                .redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile()).start();

        Matcher listening = awaitLog(log, LISTENING);
        assertThat(listening.group(1)).isEqualTo("https");
        int port = Integer.parseInt(listening.group(2));

        assertThat(servedCommonName(port, first, second)).isEqualTo("CN=first");
        HttpResponse<String> refused = SelfSignedCertificate.trustingOnly(first, second).send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + port + "/core/v2/app/conference/calls"))
                .header("Authorization", "Bearer " + SECRET_LOOKING).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);

        Files.copy(dir.resolve("key2.pem"), key, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("cert2.pem"), cert, StandardCopyOption.REPLACE_EXISTING);
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(serve.pid())).start();
        assertThat(hup.waitFor(10, TimeUnit.SECONDS)).isTrue();
        awaitLog(log, Pattern.compile("TLS certificate reloaded"));
        assertThat(serve.isAlive()).as("SIGHUP reloads, it does not stop the server").isTrue();
        assertThat(servedCommonName(port, first, second)).isEqualTo("CN=second");

        serve.destroy();
        assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("WARNING:")).toList();   // the JVM's own notices
        var json = JsonMapper.builder().build();
        for (String line : lines) {
            JsonNode object = json.readTree(line);
            assertThat(object.isObject()).as(line).isTrue();
            assertThat(object.has("level") && object.has("loggerName") && object.has("formattedMessage")).as(line).isTrue();
        }
        assertThat(String.join("\n", lines)).doesNotContain(SECRET_LOOKING).contains("\"status\":\"401\"");
    }

    private static String servedCommonName(int port, X509Certificate... trusted) throws Exception {
        HttpClient client = SelfSignedCertificate.trustingOnly(trusted);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + port + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return ((X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0])
                .getSubjectX500Principal().getName();
    }

    private Matcher awaitLog(Path log, Pattern pattern) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log)) {
                // Logback's JSON escapes every slash.
                Matcher matcher = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8).replace("\\/", "/"));
                if (matcher.find()) {
                    return matcher;
                }
            }
            assertThat(serve.isAlive()).as("serve stopped early: %s", Files.exists(log) ? Files.readString(log) : "")
                    .isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + pattern + "' in the log of serve: " + Files.readString(log));
    }
}
