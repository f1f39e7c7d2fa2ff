package io.confcdr.cli;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.boot.Services;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Serves the HTTP API on the configured store until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the HTTP API until stopped (SIGTERM or Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    private final CliContext context;

    @Mixin
    StorageOptions storage;

    @Option(names = "--port", defaultValue = "${env:CONFCDR_PORT:-8080}",
            description = "TCP port, 0 for any free one (env CONFCDR_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:CONFCDR_HOST:-0.0.0.0}",
            description = "Address to listen on (env CONFCDR_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:CONFCDR_PUBLIC_URL}",
            description = "Base URL of pagination links when behind a proxy (env CONFCDR_PUBLIC_URL).")
    String publicUrl;

    @Option(names = "--allow-private-webhooks",
            description = "Let subscriptions post to loopback, link-local and private addresses (trying it out locally).")
    boolean allowPrivateWebhooks;

    @Option(names = "--retention-interval", paramLabel = "MINUTES", defaultValue = "${env:CONFCDR_RETENTION_INTERVAL:-10}",
            description = "Minutes between purges of records past their partner's retention (env CONFCDR_RETENTION_INTERVAL, default ${DEFAULT-VALUE}).")
    int retentionMinutes;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        var address = new ListenAddress(host, port);
        StorageOptions.Location location = storage.location(context);
        // Before the store is opened and migrated: a taken port is the commonest mistake, and the quickest told.
        address.requireFree();
        if (retentionMinutes < 1 || retentionMinutes > 60) {
            throw CliException.usage("--retention-interval must be 1 to 60 minutes (records are purged within the hour)");
        }
        Services services = storage.open(context);
        services.subscriptions().allowPrivateUrls(allowPrivateWebhooks);
        services.startDelivery();
        services.startRetention(Duration.ofMinutes(retentionMinutes));
        ApiServer server;
        try {
            requireWritable(services, location);
            server = start(services, address, publicUrl);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        LOG.info("confcdr listening on {}", ServerRunner.displayUrl(host, server.port(), publicUrl));
        ServerRunner.runUntilStopped(server, services);
        return ExitCodes.OK;
    }

    static ApiServer start(Services services, ListenAddress address, String publicUrl) {
        try {
            return ApiServer.start(services, new ApiConfig(address.host(), address.port(), publicUrl,
                    ApiConfig.DEFAULT_MAX_INGEST_BYTES));
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
