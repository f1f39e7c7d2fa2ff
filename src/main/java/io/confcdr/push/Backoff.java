package io.confcdr.push;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: the n-th retry waits between half and all of {@code base · 2^(n-1)},
 * capped at {@code cap}. The jitter spreads the retries of many subscriptions to one receiver that comes back.
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The wait after the {@code attempt}-th failed attempt (1 for the first). */
    Duration after(int attempt) {
        long capMillis = cap.toMillis();
        long full = base.toMillis();
        for (int i = 1; i < attempt && full < capMillis; i++) {
            full *= 2;
        }
        full = Math.max(1, Math.min(full, capMillis));
        long half = full / 2;
        return Duration.ofMillis(half + random.nextLong(full - half + 1));
    }
}
