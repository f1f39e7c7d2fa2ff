package io.confcdr.api;

import io.confcdr.auth.RateLimiter;
import io.confcdr.boot.Services;
import io.confcdr.store.Storage;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The running HTTP API (Javalin on virtual threads). Port 0 picks a free port; {@link #port()} tells which.
 *
 * <pre>
 * curl -H "Authorization: Bearer $TOKEN" 'http://localhost:8080/core/v2/app/conference/calls?limit=2'
 * curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
 *      --data-binary @calls.ndjson http://localhost:8080/ingest/v1/conference/calls
 * </pre>
 */
public final class ApiServer implements AutoCloseable {

    /** A connection that sends or accepts nothing for this long is closed. */
    static final long IDLE_TIMEOUT_MILLIS = 30_000;

    private final Javalin app;
    /** null when serving plain HTTP */
    private final TlsConnectors tls;

    private ApiServer(Javalin app, TlsConnectors tls) {
        this.app = app;
        this.tls = tls;
    }

    /** The API over {@code storage} alone (tests): the services around it are built here. */
    public static ApiServer start(Storage storage, ApiConfig config, Clock clock) {
        return start(Services.over(storage, clock), config);
    }

    public static ApiServer start(Services services, ApiConfig config) {
        return start(services, config, routes -> {
        });
    }

    /**
     * The server with routes of the embedder's own added beside the API's, served with the same settings,
     * request logging and error handling (the benchmarks add their constant-body floor this way).
     */
    public static ApiServer start(Services services, ApiConfig config, Consumer<RoutesConfig> extraRoutes) {
        PrometheusMeterRegistry registry = services.metrics();
        var requestMeters = new RequestMeters(registry);
        var auth = new RequestAuth(services.authenticator(),
                new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), System::nanoTime));
        var baseUrl = new BaseUrl(config.publicUrl(), config.trustedProxies());
        TlsConnectors tls = config.tls() == null ? null : new TlsConnectors(config.tls());
        var httpsPort = new java.util.concurrent.atomic.AtomicInteger(config.port());
        List<Routes> api = List.of(
                new ExportRoutes(services.reads(), auth),
                // Before the record route, whose /calls/{call_sid} would otherwise take /calls/stream.
                new StreamRoutes(services.streams(), auth),
                new CdrReadRoutes(services.reads(), auth, baseUrl),
                new MeetingRoutes(services.meetings(), auth, baseUrl),
                new IngestRoute(services.ingestor(), auth, config.maxIngestBytes()),
                new SourceRoutes(services.sources(), auth, baseUrl),
                new PartnerRoutes(services.partners(), auth, baseUrl),
                new TokenRoutes(services.tokens(), auth, baseUrl, services.clock()),
                new ReportRoutes(services.reports(), auth, baseUrl),
                new SubscriptionRoutes(services.subscriptions(), auth, baseUrl),
                new ErasureRoutes(services.erasures(), auth, baseUrl),
                new OpsRoutes(services.storage(), registry));

        Javalin app = Javalin.create(javalin -> {
            javalin.concurrency.useVirtualThreads = true;
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.http.prefer405over404 = true;
            javalin.jetty.modifyServer(jetty -> {
                jetty.setErrorHandler(new JettyErrorHandler());
                // The idle timeout never fires for a client sending its headers a byte at a time.
                HeaderDeadline.install(jetty, config.headerDeadline());
            });
            javalin.jetty.modifyHttpConfiguration(http -> {
                // Request line + headers (URL included) above 8 KiB: 431; a silent connection is dropped.
                http.setRequestHeaderSize(8 * 1024);
                http.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            });
            javalin.requestLogger.http((ctx, millis) -> {
                requestMeters.record(ctx, millis);
                AuditLog.record(ctx, millis);
                RequestId.clear();
                RequestDeadlines.clear();
            });
            RequestId.register(javalin.routes);
            // The system clock, not the services' one: a deadline measures elapsed time, which tests that fix
            // the date of records still need to pass.
            new RequestDeadlines(Clock.systemUTC(), config.requestDeadline()).register(javalin.routes);
            if (tls != null) {
                javalin.jetty.addConnector((server, http) -> tls.https(server, http, config.host(), config.port()));
                Integer redirectPort = config.tls().redirectPort();
                if (redirectPort != null) {
                    javalin.jetty.addConnector((server, http) ->
                            TlsConnectors.plain(server, http, config.host(), redirectPort));
                    HttpsRedirect.register(javalin.routes, httpsPort::get);
                }
            }
            api.forEach(routes -> routes.register(javalin.routes));
            extraRoutes.accept(javalin.routes);
            ErrorHandling.register(javalin.routes);
        });
        try {
            if (tls == null) {
                app.start(config.host(), config.port());
            } else {
                // The connectors added above carry host and port; the HTTPS one is first, so port() is its.
                app.start();
                httpsPort.set(app.port());
            }
        } catch (RuntimeException e) {
            if (tls != null) {
                tls.close();
            }
            throw e;
        }
        return new ApiServer(app, tls);
    }

    /** The port of the API (the HTTPS one when serving TLS). */
    public int port() {
        return app.port();
    }

    /** Whether the API is served over HTTPS. */
    public boolean secure() {
        return tls != null;
    }

    /** The plain HTTP port redirecting to HTTPS; -1 when there is none. */
    public int redirectPort() {
        var connectors = app.jettyServer().server().getConnectors();
        return tls != null && connectors.length > 1
                ? ((org.eclipse.jetty.server.ServerConnector) connectors[1]).getLocalPort() : -1;
    }

    /** Takes the TLS certificate and key from their files again (SIGHUP); nothing without TLS. */
    public void reloadTls() {
        if (tls != null) {
            tls.reload();
        }
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            if (tls != null) {
                tls.close();
            }
        }
    }
}
