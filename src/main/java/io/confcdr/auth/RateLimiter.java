package io.confcdr.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per token id, in memory: {@code burst} requests at once, refilled at
 * {@code perSecond}. A rejected request costs nothing, so a client that honours Retry-After gets through.
 * Buckets are per process; behind several instances the effective limit is per instance.
 */
public final class RateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param nanoTime a monotonic clock such as {@code System::nanoTime} */
    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** @throws RateLimitedException when the token's bucket is empty */
    public void acquire(String tokenId) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(tokenId, id -> new Bucket(burst, now));
        double missing;
        synchronized (bucket) {
            bucket.refill(now, perSecond, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            missing = 1 - bucket.tokens;
        }
        throw new RateLimitedException(Math.max(1, (long) Math.ceil(missing / perSecond)));
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }

        void refill(long now, double perSecond, double burst) {
            double earned = (now - refilledAt) * perSecond / NANOS_PER_SECOND;
            tokens = Math.min(burst, tokens + earned);
            refilledAt = now;
        }
    }
}
