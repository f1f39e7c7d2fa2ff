package io.confcdr.cli;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.boot.Logging;
import io.confcdr.boot.Services;
import io.confcdr.config.ConfigLoader;
import io.confcdr.config.ConfigPrinter;
import io.confcdr.config.Origin;
import io.confcdr.config.ServeConfig;
import io.confcdr.config.Setting;
import io.confcdr.lifecycle.AggregateCompaction;
import io.confcdr.report.SummaryRefresh;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Serves the HTTP API on the configured store until stopped. Every setting comes from a flag, else its
 * {@code CONFCDR_*} variable, else {@code --config FILE}, else the default ({@link ConfigLoader}); the flags
 * are plain text here so that their values are checked, and their errors worded, as the file's are.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve the HTTP API until stopped (SIGTERM or Ctrl-C). Settings: flags over CONFCDR_*"
                + " variables over --config FILE over defaults; --print-config shows the result.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "TOML configuration file (env CONFCDR_CONFIG).")
    Path configFile;

    @Option(names = "--print-config", description = "Print the effective configuration (secrets masked) and exit.")
    boolean printConfig;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (listen.host, CONFCDR_HOST; default 0.0.0.0).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port, 0 for any free one (listen.port, CONFCDR_PORT; default 8080).")
    String port;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Base URL of absolute links when every client comes through one proxy (listen.public_url, CONFCDR_PUBLIC_URL).")
    String publicUrl;

    @Option(names = "--trusted-proxy", paramLabel = "CIDR", split = ",",
            description = "Proxy whose X-Forwarded-*/Forwarded headers are believed; repeatable (listen.trusted_proxies, CONFCDR_TRUSTED_PROXIES).")
    List<String> trustedProxies;

    @Option(names = "--tls-certificate", paramLabel = "PEM",
            description = "Serve HTTPS with this certificate chain (tls.certificate, CONFCDR_TLS_CERTIFICATE).")
    String tlsCertificate;

    @Option(names = "--tls-private-key", paramLabel = "PEM",
            description = "The certificate's private key, PKCS#8 or PKCS#1 (tls.private_key, CONFCDR_TLS_PRIVATE_KEY).")
    String tlsPrivateKey;

    @Option(names = "--redirect-http-port", paramLabel = "PORT",
            description = "With TLS: a plain HTTP port answering every request with a redirect to HTTPS (tls.redirect_port).")
    String redirectHttpPort;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory of the embedded store (store.data, CONFCDR_DATA; default ./data).")
    String data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "PostgreSQL JDBC URL instead of the embedded store (store.db, CONFCDR_DB).")
    String db;

    @Option(names = "--pool-size", paramLabel = "N", description = "Database connections (store.pool_size; default 4 SQLite, 10 PostgreSQL).")
    String poolSize;

    @Option(names = "--rate-limit", paramLabel = "PER_SECOND", description = "Requests per second per token (limits.rate_per_second; default 300).")
    String rateLimit;

    @Option(names = "--rate-burst", paramLabel = "N", description = "Requests a token may send at once (limits.rate_burst; default 600).")
    String rateBurst;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", description = "Largest ingest body (limits.body_bytes; default 16777216).")
    String maxBodyBytes;

    @Option(names = "--max-batch-records", paramLabel = "N", description = "Most records in one ingest batch (limits.records_per_batch; default 10000).")
    String maxBatchRecords;

    @Option(names = "--request-deadline", paramLabel = "SECONDS",
            description = {"How long an API request may wait for and work in the database in total; past it the request",
                    "gets 503 and its query is cancelled (an export: each chunk it reads) (limits.request_deadline_seconds,",
                    "CONFCDR_REQUEST_DEADLINE; default 30, 1 to 3600)."})
    String requestDeadline;

    @Option(names = "--log-format", paramLabel = "text|json", description = "Log lines as text or one JSON object each (log.format; default text).")
    String logFormat;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "Level of confcdr's own logs (log.level, CONFCDR_LOG_LEVEL; default INFO).")
    String logLevel;

    @Option(names = "--allow-private-webhooks",
            description = "Let subscriptions post to loopback, link-local and private addresses (webhooks.allow_private).")
    boolean allowPrivateWebhooks;

    @Option(names = "--webhook-lease", paramLabel = "SECONDS",
            description = {"With several processes on one PostgreSQL: how long a process holds a subscription without",
                    "renewing it, so how soon another takes over when it dies (webhooks.lease_seconds, CONFCDR_WEBHOOK_LEASE; default 25, at least 5)."})
    String webhookLeaseSeconds;

    @Option(names = "--retention-interval", paramLabel = "MINUTES",
            description = "Minutes between purges of records past their partner's retention (retention.interval_minutes, CONFCDR_RETENTION_INTERVAL; default 10, 1 to 60).")
    String retentionMinutes;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServeConfig config = ConfigLoader.load(configFile, context.env(), flags());
        if (printConfig) {
            ConfigPrinter.lines(config).forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        // A level left at its default keeps logback.xml's (and an embedding test's) own.
        Logging.configure(config.logFormat(),
                config.origin(Setting.LOG_LEVEL).layer() == Origin.Layer.DEFAULT ? null : config.logLevel());
        var address = new ListenAddress(config.host(), config.port());
        var location = new StorageOptions.Location(config.dataDir(), config.dbUrl());
        // Before the store is opened and migrated: a taken port is the commonest mistake, and the quickest told.
        address.requireFree();
        if (config.tls() != null) {
            TlsFiles.requireReadable(config.tls());
            if (config.tls().redirectPort() != null) {
                new ListenAddress(config.host(), config.tls().redirectPort()).requireFree();
            }
        }
        Services services = StorageOptions.opened(location, () -> context.services().open(config));
        services.subscriptions().allowPrivateUrls(config.allowPrivateWebhooks());
        services.startDelivery(Duration.ofSeconds(config.webhookLeaseSeconds()));
        services.startRetention(Duration.ofMinutes(config.retentionIntervalMinutes()));
        services.startCompaction(AggregateCompaction.INTERVAL);
        services.startSummaryRefresh(SummaryRefresh.INTERVAL);
        ApiServer server;
        try {
            requireWritable(services, location);
            server = start(services, address, apiConfig(config));
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        if (server.secure()) {
            HangupSignal.onHangup(server::reloadTls);
        }
        LOG.info("confcdr listening on {}", ServerRunner.displayUrl(config.host(), server.port(), server.secure(),
                config.publicUrl()));
        ServerRunner.runUntilStopped(server, services);
        return ExitCodes.OK;
    }

    /** The flags given on this command line, as the loader reads them. */
    private Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        put(flags, Setting.HOST, host);
        put(flags, Setting.PORT, port);
        put(flags, Setting.PUBLIC_URL, publicUrl);
        put(flags, Setting.TRUSTED_PROXIES, trustedProxies == null ? null : String.join(",", trustedProxies));
        put(flags, Setting.TLS_CERTIFICATE, tlsCertificate);
        put(flags, Setting.TLS_PRIVATE_KEY, tlsPrivateKey);
        put(flags, Setting.TLS_REDIRECT_PORT, redirectHttpPort);
        put(flags, Setting.DATA, data);
        put(flags, Setting.DB, db);
        put(flags, Setting.POOL_SIZE, poolSize);
        put(flags, Setting.RATE_PER_SECOND, rateLimit);
        put(flags, Setting.RATE_BURST, rateBurst);
        put(flags, Setting.BODY_BYTES, maxBodyBytes);
        put(flags, Setting.RECORDS_PER_BATCH, maxBatchRecords);
        put(flags, Setting.REQUEST_DEADLINE_SECONDS, requestDeadline);
        put(flags, Setting.LOG_FORMAT, logFormat);
        put(flags, Setting.LOG_LEVEL, logLevel);
        put(flags, Setting.ALLOW_PRIVATE_WEBHOOKS, allowPrivateWebhooks ? "true" : null);
        put(flags, Setting.WEBHOOK_LEASE_SECONDS, webhookLeaseSeconds);
        put(flags, Setting.RETENTION_INTERVAL_MINUTES, retentionMinutes);
        return flags;
    }

    private static void put(Map<Setting, String> flags, Setting setting, String value) {
        if (value != null && !value.isBlank()) {
            flags.put(setting, value);
        }
    }

    static ApiConfig apiConfig(ServeConfig config) {
        ApiConfig.Tls tls = config.tls() == null ? null : new ApiConfig.Tls(config.tls().certificate(),
                config.tls().privateKey(), config.tls().redirectPort());
        return new ApiConfig(config.host(), config.port(), config.publicUrl(), config.maxBodyBytes())
                .withRateLimit(config.ratePerSecond(), config.rateBurst())
                .withTls(tls)
                .withTrustedProxies(config.trustedProxies())
                .withRequestDeadline(Duration.ofSeconds(config.requestDeadlineSeconds()));
    }

    static ApiServer start(Services services, ListenAddress address, ApiConfig config) {
        try {
            return ApiServer.start(services, config);
        } catch (RuntimeException e) {
            throw address.explain(e);
        }
    }

    /**
     * An embedded store this process cannot write would answer every ingest with a 503: refuse to start
     * instead. PostgreSQL may be read-only for a while (a failover) and come back, so a server on it starts
     * and reports not ready on {@code /health} until it can write.
     */
    static void requireWritable(Services services, StorageOptions.Location location) {
        if (!location.embedded()) {
            return;
        }
        services.storage().writeProblem().ifPresent(reason -> {
            throw CliException.usage("cannot write " + location.describe() + ": " + reason
                    + "; check that the directory and its confcdr.db may be written and the disk has room,"
                    + " or choose another with --data");
        });
    }
}
