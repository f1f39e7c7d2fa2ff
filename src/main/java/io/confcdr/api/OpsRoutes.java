package io.confcdr.api;

import io.confcdr.boot.Version;
import io.confcdr.store.Storage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
        this.openApi = withVersion(readResource("/openapi.json"));
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", this::ready);
        routes.get("/health/ready", this::ready);
        routes.get("/health/live", this::live);
        routes.get("/metrics", this::metrics);
        routes.get("/openapi.json", this::openApi);
    }

    /**
     * Ready: 200 only when the store answers and takes writes, so a load balancer sends ingest only where it
     * can be stored; 503 with the reason otherwise (without paths or SQL: the route needs no token).
     */
    void ready(Context ctx) {
        Optional<String> problem = storeProblem();
        JsonOutput.write(ctx, problem.isEmpty() ? 200 : 503, out -> {
            out.writeStartObject();
            out.writeStringProperty("status", problem.isEmpty() ? "ok" : "unavailable");
            if (problem.isPresent()) {
                out.writeStringProperty("reason", problem.get());
            }
            out.writeStringProperty("version", Version.current());
            out.writeEndObject();
        });
    }

    /** Live: 200 while the process serves requests, whatever its store does (restarting would not help it). */
    void live(Context ctx) {
        JsonOutput.write(ctx, 200, out -> {
            out.writeStartObject();
            out.writeStringProperty("status", "ok");
            out.writeStringProperty("version", Version.current());
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

    private Optional<String> storeProblem() {
        try {
            if (!storage.isAvailable()) {
                return Optional.of("the store does not answer");
            }
            // The database's own reason is logged by the store; it may name files, so it stays off the wire.
            return storage.writeProblem().map(reason -> "the store cannot be written");
        } catch (RuntimeException e) {
            LOG.warn("health check failed", e);
            return Optional.of("the store does not answer");
        }
    }

    /** The served document states the version of the code serving it, whatever the file says. */
    private static byte[] withVersion(byte[] document) {
        if (document == null) {
            return null;
        }
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = (ObjectNode) mapper.readTree(document);
        ((ObjectNode) root.get("info")).put("version", Version.current());
        return mapper.writeValueAsBytes(root);
    }

    private static byte[] readResource(String name) {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
