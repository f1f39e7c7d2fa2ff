package io.confcdr.push;

import java.security.SecureRandom;
import java.util.Base64;

/** Standard Webhooks secrets: {@code whsec_} + base64 of 32 random bytes (the specification asks for 24 to 64). */
final class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }
}
