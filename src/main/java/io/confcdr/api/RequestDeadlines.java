package io.confcdr.api;

import io.confcdr.store.Deadline;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * Opens every request's {@link Deadline} before its handler runs ({@link ApiConfig#requestDeadline}); the
 * store cuts the database work it bounds. Most requests get one total deadline from here. The two whose
 * length is the client's own transfer speed get the same budget per database operation instead: an export
 * (per chunk it reads) and an ingest (a slow upload must not use up the time of the batch's transaction).
 * The event stream gets none: it is meant to stay open, and its reads belong to the push engine.
 */
final class RequestDeadlines {

    private final Clock clock;
    private final Duration budget;

    RequestDeadlines(Clock clock, Duration budget) {
        this.clock = clock;
        this.budget = budget;
    }

    /** Registered right after the request id, before anything that may touch the store. */
    void register(RoutesConfig routes) {
        routes.before(ctx -> Deadline.open(forPath(ctx.path())));
    }

    /** null: none */
    Deadline forPath(String path) {
        String route = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return switch (route) {
            case StreamRoutes.PATH -> null;
            case ExportRoutes.PATH, IngestRoute.PATH -> Deadline.perOperation(clock, budget);
            default -> Deadline.total(clock, budget);
        };
    }

    /** After the request is logged: the thread may serve another request next. */
    static void clear() {
        Deadline.close();
    }
}
