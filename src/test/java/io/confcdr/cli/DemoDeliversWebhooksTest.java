package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code confcdr demo} as a user runs it (a child JVM): a subscription made with the banner's manage token
 * to a receiver on this machine gets a record ingested with the banner's ingest token, signed.
 */
class DemoDeliversWebhooksTest {

    private static final Pattern BANNER_LINE = Pattern.compile("^(API|ingest token|manage token) +(\\S+)");

    @TempDir
    Path dir;

    @Test
    void aSubscriptionMadeWithTheDemoManageTokenReceivesIngestedRecords() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process demo = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "demo", "--port", "0", "--records", "1", "--days", "1",
                "--data", dir.resolve("store").toString())
                .redirectError(dir.resolve("demo.err").toFile()).start();
        var printed = new StringWriter();
        try {
            Map<String, String> banner = readBanner(demo);
            String api = banner.get("API");
            var http = HttpClient.newHttpClient();
            int port;
            try (var probe = new java.net.ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(api + "/core/v2/app/conference/subscriptions"))
                    .header("Authorization", "Bearer " + banner.get("manage token")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:" + port + "/cdrs\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String secret = JsonMapper.builder().build().readTree(created.body()).get("secret").stringValue();
            try (var receiver = new WebhookReceiver("127.0.0.1", port, new Webhook(secret), 204, new PrintWriter(printed, true))) {
                String callSid = UUID.randomUUID().toString();
                String partner = new TrafficGenerator(TrafficSettings.ofSeed(42)).rootPartner().sid();
                String record = "{\"call_sid\":\"" + callSid + "\",\"partner_sid\":\"" + partner + "\","
                        + "\"date_start\":\"2024-12-14T10:03:14Z\",\"date_stop\":\"2024-12-14T10:04:04Z\"}\n";
                HttpResponse<String> ingested = http.send(HttpRequest.newBuilder(URI.create(api + "/ingest/v1/conference/calls"))
                        .header("Authorization", "Bearer " + banner.get("ingest token")).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(record)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (!printed.toString().contains(callSid) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(printed.toString()).contains("1 records, " + callSid + " .. " + callSid + ", signature valid, answered 204");
            }
        } finally {
            demo.destroy();
            demo.waitFor(10, TimeUnit.SECONDS);
            demo.destroyForcibly();
        }
    }

    /** The banner's URL and tokens, read until its last line. */
    private static Map<String, String> readBanner(Process demo) throws Exception {
        Map<String, String> values = new HashMap<>();
        var out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("Stop with Ctrl-C")) {
            Matcher matcher = BANNER_LINE.matcher(line);
            if (matcher.find()) {
                values.put(matcher.group(1), matcher.group(2));
            }
        }
        assertThat(values).as("the demo's banner").containsKeys("API", "ingest token", "manage token");
        return values;
    }
}
