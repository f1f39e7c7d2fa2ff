package io.confcdr.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds{method, route, status_class}}: a latency histogram per route. The route
 * is the template ({@code /core/v2/app/conference/calls/{call_sid}}), never the raw path, and the status is
 * its class ({@code 2xx}), so the number of series stays bounded whatever clients send.
 */
final class RequestMeters {

    static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;

    RequestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        Timer.builder("http.server.requests")
                .description("HTTP requests served, by route template, method and status class")
                .tag("method", ctx.method().name())
                .tag("route", endpoint == null ? UNMATCHED : endpoint.path)
                .tag("status_class", ctx.statusCode() / 100 + "xx")
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }
}
