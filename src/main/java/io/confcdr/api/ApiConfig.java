package io.confcdr.api;

/**
 * How the HTTP API is exposed. {@code publicUrl} (nullable) is the base of pagination links when the
 * server sits behind a proxy; otherwise links use the scheme, host and port the client reached.
 */
public record ApiConfig(String host, int port, String publicUrl, long maxIngestBytes) {

    public static final long DEFAULT_MAX_INGEST_BYTES = 16L * 1024 * 1024;

    public static ApiConfig onPort(int port) {
        return new ApiConfig("0.0.0.0", port, null, DEFAULT_MAX_INGEST_BYTES);
    }
}
