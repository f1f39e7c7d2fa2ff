package io.confcdr.push;

import java.time.Duration;

/**
 * How subscriptions are delivered. Times are on the services' clock, except {@code poll} (how often the
 * worker looks for records ingested by other processes) and the HTTP timeouts, which are real time.
 * Tests shorten the back-off and the poll; nothing else changes between tests and {@code serve}.
 *
 * @param allowPrivateUrls accept webhook URLs resolving to loopback, link-local or private addresses
 * @param backoffBase the delay before the first retry (doubling, with jitter, up to {@code backoffCap})
 * @param failAfter how long a delivery may keep failing before its subscription becomes {@code failing}
 * @param leaseTtl how long a process holds a subscription without renewing it (takeover time when it dies)
 */
public record PushSettings(boolean allowPrivateUrls, Duration backoffBase, Duration backoffCap, Duration failAfter,
        Duration poll, Duration leaseTtl, Duration connectTimeout, Duration requestTimeout) {

    /**
     * A dead holder's lease runs out within {@code leaseTtl}, and the survivor's next scan comes within one
     * {@code poll}: 25 s + 1.5 s keeps the takeover within the 30 s that EXTENSIONS.md promises. The lease
     * also outlasts a send (connect + request timeouts, 15 s), so a live holder never loses it mid-send.
     */
    public static final PushSettings DEFAULT = new PushSettings(false, Duration.ofSeconds(1), Duration.ofMinutes(10),
            Duration.ofHours(72), Duration.ofMillis(1500), Duration.ofSeconds(25), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    public PushSettings withAllowPrivateUrls(boolean allow) {
        return new PushSettings(allow, backoffBase, backoffCap, failAfter, poll, leaseTtl, connectTimeout, requestTimeout);
    }

    public PushSettings withRetry(Duration base, Duration cap, Duration failAfterDuration) {
        return new PushSettings(allowPrivateUrls, base, cap, failAfterDuration, poll, leaseTtl, connectTimeout, requestTimeout);
    }

    public PushSettings withPoll(Duration every) {
        return new PushSettings(allowPrivateUrls, backoffBase, backoffCap, failAfter, every, leaseTtl, connectTimeout, requestTimeout);
    }

    public PushSettings withLeaseTtl(Duration ttl) {
        return new PushSettings(allowPrivateUrls, backoffBase, backoffCap, failAfter, poll, ttl, connectTimeout, requestTimeout);
    }

    public PushSettings withRequestTimeout(Duration timeout) {
        return new PushSettings(allowPrivateUrls, backoffBase, backoffCap, failAfter, poll, leaseTtl, connectTimeout, timeout);
    }
}
