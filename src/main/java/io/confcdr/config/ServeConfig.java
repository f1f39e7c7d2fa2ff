package io.confcdr.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The effective settings of one {@code serve} process, typed and checked, with where each came from.
 * Built by {@link ConfigLoader} from defaults, the file, the environment and the flags.
 *
 * @param publicUrl null unless set: links then use the address the client reached
 * @param tls null unless a certificate and key are configured
 * @param dataDir null when {@code dbUrl} names PostgreSQL
 * @param dbUrl null for the embedded store
 * @param poolSize 0 for the store's own default (4 for SQLite, 10 for PostgreSQL)
 * @param requestDeadlineSeconds how long an API request may take in total while it waits for or works in the
 *     database (an export: each chunk it reads)
 * @param webhookLeaseSeconds with several processes on one PostgreSQL, how long one holds a subscription
 *     without renewing it (renewed every 1.5 s), so how soon another takes over when it dies
 * @param retentionIntervalMinutes between purges of records past their partner's retention (at most an hour,
 *     so that records go within the hour)
 */
public record ServeConfig(String host, int port, String publicUrl, List<Cidr> trustedProxies, Tls tls,
        Path dataDir, String dbUrl, int poolSize, double ratePerSecond, int rateBurst, long maxBodyBytes,
        int maxRecordsPerBatch, int requestDeadlineSeconds, LogFormat logFormat, String logLevel, boolean allowPrivateWebhooks,
        int webhookLeaseSeconds, int retentionIntervalMinutes, Map<Setting, Origin> origins) {

    /** HTTPS from a PEM certificate chain and its private key; {@code redirectPort} (nullable) serves plain HTTP redirects. */
    public record Tls(Path certificate, Path privateKey, Integer redirectPort) {
    }

    public enum LogFormat {
        TEXT, JSON;

        static LogFormat parse(String text, String named) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "text" -> TEXT;
                case "json" -> JSON;
                default -> throw new ConfigException(named + " must be text or json, not '" + text + "'");
            };
        }
    }

    static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    public ServeConfig {
        trustedProxies = List.copyOf(trustedProxies);
        origins = Map.copyOf(origins);
    }

    /** Whether the store is the embedded SQLite one in {@code dataDir}. */
    public boolean embedded() {
        return dbUrl == null;
    }

    public Origin origin(Setting setting) {
        return origins.getOrDefault(setting, Origin.DEFAULT);
    }
}
