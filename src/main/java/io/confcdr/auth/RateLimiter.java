package io.confcdr.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a token id, a client address), in memory: {@code burst} requests at once, refilled
 * at {@code perSecond}. A rejected request costs nothing, so a client that honours Retry-After gets through.
 * Buckets are per process; behind several instances the effective limit is per instance. At most
 * {@link #MAX_KEYS} buckets are kept: beyond that, buckets that have refilled completely (which hold no
 * information) are dropped, so keys an attacker invents cannot grow the map without bound.
 */
public final class RateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final int MAX_KEYS = 100_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final String refusal;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** A limit per token. @param nanoTime a monotonic clock such as {@code System::nanoTime} */
    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        this(perSecond, burst, nanoTime, "too many requests for this token");
    }

    /** @param refusal what a refused request is told, before "; retry after N s" */
    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime, String refusal) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.refusal = refusal;
    }

    /**
     * Refuses when {@code key}'s bucket is empty, without spending from it.
     *
     * @throws RateLimitedException when the bucket is empty
     */
    public void requireAvailable(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return;
        }
        double missing;
        synchronized (bucket) {
            bucket.refill(nanoTime.getAsLong(), perSecond, burst);
            if (bucket.tokens >= 1) {
                return;
            }
            missing = 1 - bucket.tokens;
        }
        throw refused(missing);
    }

    /** @throws RateLimitedException when the key's bucket is empty */
    public void acquire(String tokenId) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= MAX_KEYS && !buckets.containsKey(tokenId)) {
            forgetFullBuckets(now);
        }
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
        throw refused(missing);
    }

    private RateLimitedException refused(double missing) {
        long seconds = Math.max(1, (long) Math.ceil(missing / perSecond));
        return new RateLimitedException(refusal + "; retry after " + seconds + " s", seconds);
    }

    private void forgetFullBuckets(long now) {
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                bucket.refill(now, perSecond, burst);
                return bucket.tokens >= burst;
            }
        });
    }

    /** How many keys have a bucket (for tests of the bound). */
    int keys() {
        return buckets.size();
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
