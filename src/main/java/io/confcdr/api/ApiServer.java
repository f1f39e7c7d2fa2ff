package io.confcdr.api;

import io.confcdr.auth.Authenticator;
import io.confcdr.auth.RateLimiter;
import io.confcdr.ingest.Ingestor;
import io.confcdr.store.Storage;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
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

    private ApiServer(Javalin app) {
        this.app = app;
    }

    public static ApiServer start(Storage storage, ApiConfig config, Clock clock) {
        return start(storage, config, clock, routes -> {
        });
    }

    /**
     * The server with routes of the embedder's own added beside the API's, served with the same settings,
     * request logging and error handling (the benchmarks add their constant-body floor this way).
     */
    public static ApiServer start(Storage storage, ApiConfig config, Clock clock, Consumer<RoutesConfig> extraRoutes) {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        var auth = new RequestAuth(new Authenticator(storage.tokens(), clock),
                new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), System::nanoTime));
        var baseUrl = new BaseUrl(config.publicUrl());
        var reads = new CdrReadRoutes(storage, auth, baseUrl);
        var ingest = new IngestRoute(storage, auth, new Ingestor(storage, clock), config.maxIngestBytes(),
                new IngestMetrics(registry));
        var ops = new OpsRoutes(storage, registry);
        var partners = new PartnerRoutes(storage, auth, baseUrl, clock);
        var tokens = new TokenRoutes(storage, auth, baseUrl, clock);

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
                timeRequest(registry, ctx, millis);
                AuditLog.record(ctx, millis);
            });
            javalin.routes.get(CdrReadRoutes.LIST_PATH, reads::listRecords);
            javalin.routes.get(CdrReadRoutes.RECORD_PATH, reads::getRecord);
            javalin.routes.post(IngestRoute.PATH, ingest::handle);
            javalin.routes.post(PartnerRoutes.LIST_PATH, partners::create);
            javalin.routes.get(PartnerRoutes.LIST_PATH, partners::list);
            javalin.routes.get(PartnerRoutes.ITEM_PATH, partners::get);
            javalin.routes.patch(PartnerRoutes.ITEM_PATH, partners::update);
            javalin.routes.delete(PartnerRoutes.ITEM_PATH, partners::delete);
            javalin.routes.post(TokenRoutes.CREATE_PATH, tokens::createForSelf);
            javalin.routes.post(TokenRoutes.CREATE_FOR_PATH, tokens::createForPartner);
            javalin.routes.get(TokenRoutes.LIST_PATH, tokens::list);
            javalin.routes.get(TokenRoutes.ITEM_PATH, tokens::get);
            javalin.routes.delete(TokenRoutes.ITEM_PATH, tokens::revoke);
            javalin.routes.get("/health", ops::health);
            javalin.routes.get("/metrics", ops::metrics);
            javalin.routes.get("/openapi.json", ops::openApi);
            extraRoutes.accept(javalin.routes);
            ErrorHandling.register(javalin.routes);
        });
        app.start(config.host(), config.port());
        return new ApiServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** {@code http_server_requests_seconds{method, uri, status}}; uri is the route template, never the raw path. */
    private static void timeRequest(PrometheusMeterRegistry registry, Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("uri", endpoint == null ? "UNMATCHED" : endpoint.path)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }
}
