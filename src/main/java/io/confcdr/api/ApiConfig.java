package io.confcdr.api;

import io.confcdr.config.Cidr;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the HTTP API is exposed. {@code publicUrl} (nullable) is the base of pagination links when the
 * server sits behind a proxy; otherwise links use the scheme, host and port the client reached.
 * {@code rateLimitPerSecond} and {@code rateLimitBurst} bound each token's requests (a token bucket).
 * {@code headerDeadline}: a connection whose request line and headers have not all arrived this long
 * after it opened (or after a later request's first byte) is closed. {@code tls} (nullable) serves HTTPS;
 * {@code trustedProxies}: peers whose {@code Forwarded}/{@code X-Forwarded-*} headers absolute links follow.
 * {@code requestDeadline}: how long a request may take in total while it waits for or works in the database
 * ({@link RequestDeadlines}).
 */
public record ApiConfig(String host, int port, String publicUrl, long maxIngestBytes, double rateLimitPerSecond,
        int rateLimitBurst, Duration headerDeadline, Tls tls, List<Cidr> trustedProxies, Duration requestDeadline) {

    /**
     * HTTPS on {@code port} from PEM files, reloaded when they change. {@code redirectPort} (nullable) is a
     * plain HTTP port answering every request with a redirect to HTTPS; without it nothing serves plain HTTP.
     */
    public record Tls(Path certificate, Path privateKey, Integer redirectPort) {
    }

    public static final long DEFAULT_MAX_INGEST_BYTES = 16L * 1024 * 1024;
    /** Generous for one client paging through records, low enough that one token cannot starve the others. */
    public static final double DEFAULT_RATE_LIMIT_PER_SECOND = 300;
    public static final int DEFAULT_RATE_LIMIT_BURST = 600;
    /** Headers are a few hundred bytes; even a slow mobile link sends them in well under a second. */
    public static final Duration DEFAULT_HEADER_DEADLINE = Duration.ofSeconds(10);
    /** The longest a list page of 1000 or a report takes on a loaded store, with room to spare. */
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(30);

    public ApiConfig {
        if (headerDeadline.isNegative() || headerDeadline.isZero()) {
            throw new IllegalArgumentException("the header deadline must be positive");
        }
        if (requestDeadline.isNegative() || requestDeadline.isZero()) {
            throw new IllegalArgumentException("the request deadline must be positive");
        }
        trustedProxies = List.copyOf(trustedProxies);
    }

    public ApiConfig(String host, int port, String publicUrl, long maxIngestBytes, double rateLimitPerSecond,
            int rateLimitBurst, Duration headerDeadline, Tls tls, List<Cidr> trustedProxies) {
        this(host, port, publicUrl, maxIngestBytes, rateLimitPerSecond, rateLimitBurst, headerDeadline, tls,
                trustedProxies, DEFAULT_REQUEST_DEADLINE);
    }

    public ApiConfig(String host, int port, String publicUrl, long maxIngestBytes, double rateLimitPerSecond,
            int rateLimitBurst, Duration headerDeadline) {
        this(host, port, publicUrl, maxIngestBytes, rateLimitPerSecond, rateLimitBurst, headerDeadline, null, List.of());
    }

    public ApiConfig(String host, int port, String publicUrl, long maxIngestBytes, double rateLimitPerSecond,
            int rateLimitBurst) {
        this(host, port, publicUrl, maxIngestBytes, rateLimitPerSecond, rateLimitBurst, DEFAULT_HEADER_DEADLINE);
    }

    public ApiConfig(String host, int port, String publicUrl, long maxIngestBytes) {
        this(host, port, publicUrl, maxIngestBytes, DEFAULT_RATE_LIMIT_PER_SECOND, DEFAULT_RATE_LIMIT_BURST);
    }

    public static ApiConfig onPort(int port) {
        return new ApiConfig("0.0.0.0", port, null, DEFAULT_MAX_INGEST_BYTES);
    }

    /** The same configuration with another per-token rate limit. */
    public ApiConfig withRateLimit(double perSecond, int burst) {
        return new ApiConfig(host, port, publicUrl, maxIngestBytes, perSecond, burst, headerDeadline, tls,
                trustedProxies, requestDeadline);
    }

    /** The same configuration with another deadline for request headers. */
    public ApiConfig withHeaderDeadline(Duration deadline) {
        return new ApiConfig(host, port, publicUrl, maxIngestBytes, rateLimitPerSecond, rateLimitBurst, deadline, tls,
                trustedProxies, requestDeadline);
    }

    /** The same configuration serving HTTPS ({@code tls} null: plain HTTP). */
    public ApiConfig withTls(Tls tls) {
        return new ApiConfig(host, port, publicUrl, maxIngestBytes, rateLimitPerSecond, rateLimitBurst, headerDeadline,
                tls, trustedProxies, requestDeadline);
    }

    /** The same configuration believing forwarded headers from peers in {@code proxies}. */
    public ApiConfig withTrustedProxies(List<Cidr> proxies) {
        return new ApiConfig(host, port, publicUrl, maxIngestBytes, rateLimitPerSecond, rateLimitBurst, headerDeadline,
                tls, proxies, requestDeadline);
    }

    /** The same configuration with another total deadline per request. */
    public ApiConfig withRequestDeadline(Duration deadline) {
        return new ApiConfig(host, port, publicUrl, maxIngestBytes, rateLimitPerSecond, rateLimitBurst, headerDeadline,
                tls, trustedProxies, deadline);
    }
}
