package io.confcdr.store;

import java.time.Instant;

/**
 * One attempt at one delivery, as the delivery log shows it. {@code statusCode} is null when the receiver
 * gave no answer (refused, timed out, closed the connection); {@code error} then says why.
 */
public record DeliveryAttempt(String subscriptionSid, String deliverySid, int attempt, Instant date, Integer statusCode,
        String error, long latencyMillis, int count, String firstCallSid, String lastCallSid, boolean acknowledged) {

    public static final int MAX_ERROR = 256;

    public DeliveryAttempt {
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR);
        }
    }
}
