package io.confcdr.api;

import io.confcdr.auth.AuthenticationException;
import io.confcdr.auth.ForbiddenException;
import io.confcdr.auth.RateLimitedException;
import io.confcdr.ingest.BatchTooLargeException;
import io.confcdr.ingest.MalformedBodyException;
import io.confcdr.query.QueryException;
import io.confcdr.store.DeadlineExceededException;
import io.confcdr.store.StoreUnavailableException;
import io.confcdr.store.UnknownCursorException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses. Every error is CarrierX's JSON error document; nothing
 * unexpected reaches the client beyond a generic 500 (the cause is logged here, server-side).
 */
final class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    /** How much of a refused body is read and thrown away so that the client gets to read the 413. */
    private static final long DISCARD_LIMIT_BYTES = 4L * 1024 * 1024;

    private ErrorHandling() {
    }

    private static void discardUnreadBody(Context ctx) {
        try {
            var body = ctx.req().getInputStream();
            byte[] sink = new byte[16 * 1024];
            long discarded = 0;
            for (int n; discarded < DISCARD_LIMIT_BYTES && (n = body.read(sink)) > 0; ) {
                discarded += n;
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // The connection is closed after the answer anyway.
        }
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage(), e.details()));
        routes.exception(QueryException.class, (e, ctx) ->
                respond(ctx, 400, "Bad request", List.of(new ErrorBody.Detail(e.field(), e.getMessage()))));
        routes.exception(UnknownCursorException.class, (e, ctx) -> respond(ctx, 400, "Bad request",
                List.of(new ErrorBody.Detail(e.cursor().before() ? "before" : "after", e.getMessage()))));
        routes.exception(MalformedBodyException.class, (e, ctx) ->
                respond(ctx, 400, "Bad request", List.of(new ErrorBody.Detail(null, e.getMessage()))));
        routes.exception(AuthenticationException.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer");
            respond(ctx, 401, e.getMessage(), List.of(new ErrorBody.Detail("Authorization", e.detail())));
        });
        routes.exception(ForbiddenException.class, (e, ctx) ->
                respond(ctx, 403, "Forbidden", List.of(new ErrorBody.Detail(null, e.getMessage()))));
        routes.exception(RateLimitedException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            respond(ctx, 429, "Too many requests", List.of(new ErrorBody.Detail(null, e.getMessage())));
        });
        routes.exception(BatchTooLargeException.class, (e, ctx) -> {
            // A client still sending its body would see a connection reset instead of this answer if we
            // closed at once: discard a bounded amount of the rest first, then close the connection.
            discardUnreadBody(ctx);
            ctx.header("Connection", "close");
            respond(ctx, 413, "Payload too large", List.of(new ErrorBody.Detail(null, e.getMessage())));
        });
        routes.exception(DeadlineExceededException.class, (e, ctx) -> {
            // 503 as for an unavailable store: the store was too slow or too busy just then, and clients
            // already retry a 503 after Retry-After. (A 504 is a gateway's word about its upstream.)
            LOG.warn("deadline passed on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", "1");
            respond(ctx, 503, "Service unavailable", List.of(new ErrorBody.Detail(null,
                    "the request did not finish within its deadline of " + DeadlineExceededException.seconds(e.budget())
                            + "; retry later")));
        });
        routes.exception(StoreUnavailableException.class, (e, ctx) -> {
            // Expected while the database is down: one line per request, no stack trace.
            LOG.warn("store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", "1");
            respond(ctx, 503, "Service unavailable",
                    List.of(new ErrorBody.Detail(null, "the store is unreachable; retry later")));
        });
        routes.exception(PageAdmission.TooBusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            respond(ctx, 503, "Service unavailable", List.of(new ErrorBody.Detail(null, e.getMessage())));
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), statusText(e.getStatus()),
                List.of(new ErrorBody.Detail(null, detailFor(e.getStatus(), ctx)))));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Internal server error",
                    List.of(new ErrorBody.Detail(null, "something went wrong on our side; it has been logged")));
        });
    }

    static void respond(Context ctx, int status, String message, List<ErrorBody.Detail> details) {
        ctx.status(status).contentType(JsonOutput.JSON).result(ErrorBody.render(message, details));
    }

    private static String statusText(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not Found";
            case 405 -> "Method not allowed";
            case 413 -> "Payload too large";
            default -> "HTTP " + status;
        };
    }

    private static String detailFor(int status, Context ctx) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method " + ctx.method() + " is not allowed here";
            default -> statusText(status);
        };
    }
}
