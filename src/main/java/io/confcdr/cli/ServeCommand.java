package io.confcdr.cli;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.boot.Services;
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

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw CliException.usage("--port must be between 0 and 65535");
        }
        Services services = storage.open(context);
        services.subscriptions().allowPrivateUrls(allowPrivateWebhooks);
        services.startDelivery();
        ApiServer server;
        try {
            server = ApiServer.start(services, new ApiConfig(host, port, publicUrl, ApiConfig.DEFAULT_MAX_INGEST_BYTES));
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        LOG.info("confcdr listening on {}", ServerRunner.displayUrl(host, server.port(), publicUrl));
        ServerRunner.runUntilStopped(server, services);
        return ExitCodes.OK;
    }
}
