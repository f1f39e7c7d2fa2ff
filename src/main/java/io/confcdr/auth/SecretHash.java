package io.confcdr.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What stores keep instead of a token's secret: its SHA-256. A fast hash is enough because secrets are
 * 256 random bits, not passwords; nothing can be guessed from it.
 */
final class SecretHash {

    private SecretHash() {
    }

    static byte[] of(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
