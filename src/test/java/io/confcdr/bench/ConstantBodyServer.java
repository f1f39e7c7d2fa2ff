package io.confcdr.bench;

import io.javalin.Javalin;

/**
 * The floor of the HTTP benchmarks: a bare Javalin with the same server settings as the API (virtual
 * threads, loopback), answering every GET with one constant JSON body, byte for byte a real answer.
 * Benchmark-only: it is never part of the production server.
 */
final class ConstantBodyServer implements AutoCloseable {

    private final Javalin app;

    ConstantBodyServer(byte[] body) {
        app = Javalin.create(javalin -> {
            javalin.concurrency.useVirtualThreads = true;
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.routes.get("/*", ctx -> ctx.contentType("application/json").result(body));
        });
        app.start("127.0.0.1", 0);
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
