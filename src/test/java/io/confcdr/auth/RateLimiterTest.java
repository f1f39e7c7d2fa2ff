package io.confcdr.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

    private void spend(String tokenId, int requests) {
        for (int i = 0; i < requests; i++) {
            limiter.acquire(tokenId);
        }
    }

    @Test
    void aTokenMaySpendItsBurstAtOnce() {
        spend("tok_a", 3);

        assertThatThrownBy(() -> limiter.acquire("tok_a")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void theRefusalSaysHowManyWholeSecondsToWait() {
        spend("tok_a", 3);

        assertThatThrownBy(() -> limiter.acquire("tok_a"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
    }

    @Test
    void theBucketRefillsAtTheConfiguredRate() {
        spend("tok_a", 3);
        now.addAndGet(SECOND);

        spend("tok_a", 2);

        assertThatThrownBy(() -> limiter.acquire("tok_a")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aLongPauseRefillsNoMoreThanTheBurst() {
        now.addAndGet(3600 * SECOND);

        spend("tok_a", 3);

        assertThatThrownBy(() -> limiter.acquire("tok_a")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void refusedRequestsDoNotDelayTheNextAdmittedOne() {
        spend("tok_a", 3);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> limiter.acquire("tok_a")).isInstanceOf(RateLimitedException.class);
        }
        now.addAndGet(SECOND / 2);

        limiter.acquire("tok_a");
    }

    @Test
    void oneTokensBurstLeavesAnotherTokenUntouched() {
        spend("tok_a", 3);

        spend("tok_b", 3);
    }

    @Test
    void aSlowRateAsksForALongerWait() {
        var slow = new RateLimiter(0.1, 1, now::get);
        slow.acquire("tok_a");

        assertThatThrownBy(() -> slow.acquire("tok_a"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(10));
    }

    @Test
    void checkingAvailabilitySpendsNothing() {
        spend("10.0.0.1", 2);

        limiter.requireAvailable("10.0.0.1");
        limiter.requireAvailable("10.0.0.1");
        limiter.acquire("10.0.0.1");

        assertThatThrownBy(() -> limiter.requireAvailable("10.0.0.1")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void keysThatRefilledAreForgottenWhenTheMapIsFull() {
        for (int i = 0; i < RateLimiter.MAX_KEYS; i++) {
            limiter.acquire("client-" + i);
        }
        now.addAndGet(10 * SECOND);

        limiter.acquire("one-more");

        assertThat(limiter.keys()).isEqualTo(1);
    }
}
