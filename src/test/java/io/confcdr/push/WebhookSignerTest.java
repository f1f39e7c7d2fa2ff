package io.confcdr.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The signer over bytes agrees with the Standard Webhooks reference library, which signs text. */
class WebhookSignerTest {

    private static final String BODY = "{\"delivery_sid\":\"d1\",\"items\":[{\"address_src\":\"sip:\\\"Zoë, \\u00e9\\\"@例え.jp\","
            + "\"number_src\":\"+15551234567\",\"note\":\"emoji 📞 and a backslash \\\\\"}]}";

    @Test
    void theSignatureEqualsTheReferenceLibrarysForTheSameSecretIdTimestampAndBody() throws Exception {
        var random = new Random(42);
        for (int i = 0; i < 50; i++) {
            String secret = WebhookSecrets.generate();
            String id = "msg_" + Long.toHexString(random.nextLong());
            long timestamp = 1_700_000_000L + random.nextInt(100_000_000);
            String body = BODY.repeat(1 + random.nextInt(20));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

            String ours = WebhookSigner.sign(secret, id, timestamp, bytes);

            assertEquals(new Webhook(secret).sign(id, timestamp, body), ours);
        }
    }

    @Test
    void aDeliverySignedOverItsBytesVerifiesWithTheReferenceLibrary() throws Exception {
        String secret = WebhookSecrets.generate();
        long now = System.currentTimeMillis() / 1000;
        byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);

        String signature = WebhookSigner.sign(secret, "msg_1", now, bytes);

        new Webhook(secret).verify(new String(bytes, StandardCharsets.UTF_8), Map.of(
                "webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(signature)));
    }

    @Test
    void anEmptySecretCannotSign() {
        assertThrows(IllegalStateException.class, () -> WebhookSigner.sign("whsec_", "msg_1", 1L, new byte[] {1}));
    }
}
