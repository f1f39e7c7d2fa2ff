package io.confcdr.api;

/**
 * How the HTTP API is exposed. {@code publicUrl} (nullable) is the base of pagination links when the
 * server sits behind a proxy; otherwise links use the scheme, host and port the client reached.
 * {@code rateLimitPerSecond} and {@code rateLimitBurst} bound each token's requests (a token bucket).
 */
public record ApiConfig(String host, int port, String publicUrl, long maxIngestBytes, double rateLimitPerSecond,
        int rateLimitBurst) {

    public static final long DEFAULT_MAX_INGEST_BYTES = 16L * 1024 * 1024;
    /** Generous for one client paging through records, low enough that one token cannot starve the others. */
    public static final double DEFAULT_RATE_LIMIT_PER_SECOND = 300;
    public static final int DEFAULT_RATE_LIMIT_BURST = 600;

    public ApiConfig(String host, int port, String publicUrl, long maxIngestBytes) {
        this(host, port, publicUrl, maxIngestBytes, DEFAULT_RATE_LIMIT_PER_SECOND, DEFAULT_RATE_LIMIT_BURST);
    }

    public static ApiConfig onPort(int port) {
        return new ApiConfig("0.0.0.0", port, null, DEFAULT_MAX_INGEST_BYTES);
    }

    /** The same configuration with another per-token rate limit. */
    public ApiConfig withRateLimit(double perSecond, int burst) {
        return new ApiConfig(host, port, publicUrl, maxIngestBytes, perSecond, burst);
    }
}
