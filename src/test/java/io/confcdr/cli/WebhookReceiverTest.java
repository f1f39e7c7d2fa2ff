package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** {@code confcdr webhook listen}'s receiver: it says which deliveries are authentic and answers as told. */
class WebhookReceiverTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER = "whsec_" + Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final String BODY = "{\"delivery_sid\":\"d-1\",\"subscription_sid\":\"s-1\",\"items\":[{\"call_sid\":\"a\"},{\"call_sid\":\"b\"}]}";

    private static HttpResponse<String> post(int port, String signingSecret) throws Exception {
        long timestamp = System.currentTimeMillis() / 1000;
        String signature = new Webhook(signingSecret).sign("d-1", timestamp, BODY);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("webhook-id", "d-1").header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature).POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDeliverySignedWithTheSecretIsPrintedAsValidAndAcknowledged() throws Exception {
        var printed = new StringWriter();
        try (var receiver = new WebhookReceiver("127.0.0.1", 0, new Webhook(SECRET), 204, new PrintWriter(printed, true))) {
            assertThat(post(receiver.port(), SECRET).statusCode()).isEqualTo(204);
        }
        assertThat(printed.toString()).contains("delivery d-1: 2 records, a .. b, signature valid, answered 204");
    }

    @Test
    void aDeliverySignedWithAnotherSecretIsFlaggedAndTheConfiguredStatusIsAnswered() throws Exception {
        var printed = new StringWriter();
        try (var receiver = new WebhookReceiver("127.0.0.1", 0, new Webhook(SECRET), 503, new PrintWriter(printed, true))) {
            assertThat(post(receiver.port(), OTHER).statusCode()).isEqualTo(503);
        }
        assertThat(printed.toString()).contains("signature INVALID").contains("answered 503");
    }
}
