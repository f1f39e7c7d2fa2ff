package io.confcdr.push;

import java.time.Duration;

/**
 * How a live stream paces itself. {@code heartbeat}: the longest silence before a comment line is sent
 * (the contract says at most 15 s). {@code poll}: how often a waiting stream reads the store even without a
 * wake-up from this process's ingest, to see records other processes sharing the database stored.
 * {@code stallTimeout}: a client whose connection accepts no bytes for this long is disconnected; it must
 * exceed {@code heartbeat}, since an idle but healthy stream writes only a heartbeat that often.
 * {@code pageSize}: the most records read (and so held for one client) at a time.
 */
public record StreamSettings(Duration heartbeat, Duration poll, Duration stallTimeout, int pageSize) {

    /** Heartbeat at the contract's 15 s; stall bound = the server's idle timeout (30 s). */
    public static final StreamSettings DEFAULT =
            new StreamSettings(Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(30), 1000);

    public StreamSettings {
        if (heartbeat.isNegative() || heartbeat.isZero() || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("heartbeat and poll must be positive");
        }
        if (stallTimeout.compareTo(heartbeat) <= 0) {
            throw new IllegalArgumentException("stallTimeout must exceed heartbeat, or an idle stream would be cut");
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be 1..1000");
        }
    }
}
