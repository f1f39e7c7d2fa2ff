package io.confcdr.push;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.confcdr.store.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code webhook-signature} header per the Standard Webhooks specification, signed with the reference
 * library: {@code v1,<base64 HMAC-SHA256>} per secret, space-separated while a rotated-out secret still signs.
 */
final class WebhookSigner {

    private WebhookSigner() {
    }

    static String signature(Subscription subscription, Instant now, String id, long timestamp, String body) {
        List<String> signatures = new ArrayList<>();
        signatures.add(sign(subscription.secret(), id, timestamp, body));
        if (subscription.previousSecret() != null && subscription.previousSecretUntil() != null
                && now.isBefore(subscription.previousSecretUntil())) {
            signatures.add(sign(subscription.previousSecret(), id, timestamp, body));
        }
        return String.join(" ", signatures);
    }

    private static String sign(String secret, String id, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(id, timestamp, body);
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            throw new IllegalStateException("a stored webhook secret cannot sign", e);
        }
    }
}
