package io.confcdr.api;

import io.confcdr.store.Storage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Endpoints for operators and tooling, without authentication: health, metrics, the OpenAPI document. */
final class OpsRoutes implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Storage storage;
    private final PrometheusMeterRegistry registry;
    private final byte[] openApi;

    OpsRoutes(Storage storage, PrometheusMeterRegistry registry) {
        this.storage = storage;
        this.registry = registry;
        this.openApi = readResource("/openapi.json");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/metrics", this::metrics);
        routes.get("/openapi.json", this::openApi);
    }

    /** 200 when the store answers, 503 when it does not: what a load balancer needs to know. */
    void health(Context ctx) {
        boolean available = isStoreAvailable();
        JsonOutput.write(ctx, available ? 200 : 503, out -> {
            out.writeStartObject();
            out.writeStringProperty("status", available ? "ok" : "unavailable");
            out.writeEndObject();
        });
    }

    void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
    }

    void openApi(Context ctx) {
        if (openApi == null) {
            throw new ApiError(404, "Not Found", List.of(new ErrorBody.Detail(null, "no OpenAPI document is bundled")));
        }
        ctx.contentType(JsonOutput.JSON).result(openApi);
    }

    private boolean isStoreAvailable() {
        try {
            return storage.isAvailable();
        } catch (RuntimeException e) {
            LOG.warn("health check failed", e);
            return false;
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
