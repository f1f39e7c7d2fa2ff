package io.confcdr.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting of {@code serve}, declared once: its key in the configuration file (a TOML table and
 * name), its environment variable, its command-line flag and its default. The names of variables that
 * existed before the file ({@code CONFCDR_HOST}, {@code CONFCDR_PORT}, {@code CONFCDR_DATA}...) are kept.
 */
public enum Setting {
    HOST("listen.host", "CONFCDR_HOST", "--host", Kind.TEXT, "0.0.0.0"),
    PORT("listen.port", "CONFCDR_PORT", "--port", Kind.PORT, "8080"),
    PUBLIC_URL("listen.public_url", "CONFCDR_PUBLIC_URL", "--public-url", Kind.TEXT, null),
    TRUSTED_PROXIES("listen.trusted_proxies", "CONFCDR_TRUSTED_PROXIES", "--trusted-proxy", Kind.LIST, null),
    TLS_CERTIFICATE("tls.certificate", "CONFCDR_TLS_CERTIFICATE", "--tls-certificate", Kind.TEXT, null),
    TLS_PRIVATE_KEY("tls.private_key", "CONFCDR_TLS_PRIVATE_KEY", "--tls-private-key", Kind.TEXT, null),
    TLS_REDIRECT_PORT("tls.redirect_port", "CONFCDR_TLS_REDIRECT_PORT", "--redirect-http-port", Kind.PORT, null),
    DATA("store.data", "CONFCDR_DATA", "--data", Kind.TEXT, "./data"),
    DB("store.db", "CONFCDR_DB", "--db", Kind.TEXT, null),
    POOL_SIZE("store.pool_size", "CONFCDR_POOL_SIZE", "--pool-size", Kind.COUNT, null),
    RATE_PER_SECOND("limits.rate_per_second", "CONFCDR_RATE_PER_SECOND", "--rate-limit", Kind.DECIMAL, "300"),
    RATE_BURST("limits.rate_burst", "CONFCDR_RATE_BURST", "--rate-burst", Kind.COUNT, "600"),
    BODY_BYTES("limits.body_bytes", "CONFCDR_BODY_BYTES", "--max-body-bytes", Kind.COUNT, "16777216"),
    RECORDS_PER_BATCH("limits.records_per_batch", "CONFCDR_RECORDS_PER_BATCH", "--max-batch-records", Kind.COUNT, "10000"),
    REQUEST_DEADLINE_SECONDS("limits.request_deadline_seconds", "CONFCDR_REQUEST_DEADLINE", "--request-deadline",
            Kind.COUNT, "30"),
    LOG_FORMAT("log.format", "CONFCDR_LOG_FORMAT", "--log-format", Kind.TEXT, "text"),
    LOG_LEVEL("log.level", "CONFCDR_LOG_LEVEL", "--log-level", Kind.TEXT, "INFO"),
    ALLOW_PRIVATE_WEBHOOKS("webhooks.allow_private", "CONFCDR_ALLOW_PRIVATE_WEBHOOKS", "--allow-private-webhooks",
            Kind.FLAG, "false"),
    WEBHOOK_LEASE_SECONDS("webhooks.lease_seconds", "CONFCDR_WEBHOOK_LEASE", "--webhook-lease", Kind.COUNT, "25"),
    RETENTION_INTERVAL_MINUTES("retention.interval_minutes", "CONFCDR_RETENTION_INTERVAL", "--retention-interval",
            Kind.COUNT, "10");

    /** What a value must look like; a file value of another TOML type is refused before it is read. */
    enum Kind {
        TEXT, PORT, COUNT, DECIMAL, FLAG, LIST
    }

    private final String key;
    private final String env;
    private final String flag;
    private final Kind kind;
    private final String defaultValue;

    Setting(String key, String env, String flag, Kind kind, String defaultValue) {
        this.key = key;
        this.env = env;
        this.flag = flag;
        this.kind = kind;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public String env() {
        return env;
    }

    public String flag() {
        return flag;
    }

    Kind kind() {
        return kind;
    }

    /** null when unset by default */
    String defaultValue() {
        return defaultValue;
    }

    static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** The words for this setting in an error about a value from {@code origin}. */
    String named(Origin origin) {
        return switch (origin.layer()) {
            case FLAG -> flag;
            case ENV -> env;
            case FILE -> key + " in " + origin.detail();
            case DEFAULT -> key;
        };
    }
}
