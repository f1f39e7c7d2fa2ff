package io.confcdr.api;

import io.confcdr.export.CdrExport;
import io.confcdr.export.ExportFormat;
import io.confcdr.export.ExportRequest;
import io.confcdr.export.ExportRequestParser;
import io.confcdr.read.CdrReads;
import io.confcdr.store.StoreUnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /core/v2/app/conference/calls/export}: every record the caller may list that the filter
 * selects, streamed as NDJSON or CSV straight from the store. A failure before the first byte is the
 * usual error document; once the body has started, the only honest signal left is to break the
 * connection, so the client sees a broken transfer rather than a complete-looking short file.
 */
final class ExportRoutes implements Routes {

    static final String PATH = CdrReadRoutes.LIST_PATH + "/export";

    private static final Logger LOG = LoggerFactory.getLogger(ExportRoutes.class);

    private final CdrReads reads;
    private final RequestAuth auth;

    ExportRoutes(CdrReads reads, RequestAuth auth) {
        this.reads = reads;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::export);
    }

    void export(Context ctx) {
        CdrReads.Reader reader = reads.readerFor(auth.authenticate(ctx));
        ExportRequest request = ExportRequestParser.parse(QueryParams.of(ctx, Set.of("filter", "order", "include_fields", "exclude_fields", "format", "tz", "after")), ctx.header("Accept"));
        var body = new ExportBody(ctx, request.format(), ExportBody.acceptsGzip(ctx.header("Accept-Encoding")));
        try {
            CdrExport.run(reader, request, body::open, count -> {
            });
            body.close();
        } catch (RuntimeException failure) {
            if (!ctx.res().isCommitted()) {
                // Nothing has reached the client: drop what is buffered and answer with the error document.
                ctx.res().reset();
                throw failure;
            }
            abort(ctx, failure);
        }
    }

    /**
     * Ends the exchange without the terminating chunk by closing the connection under the response: an
     * HTTP client reports a truncated body instead of a clean end. (Aborting the servlet channel instead
     * does the same on the wire, but leaves Javalin to fail on the aborted request afterwards.)
     */
    private static void abort(Context ctx, RuntimeException failure) {
        if (failure instanceof StoreUnavailableException) {
            LOG.warn("export cut off, store unavailable: {}", failure.getMessage());
        } else if (causedByIo(failure)) {
            LOG.info("export to {} ended early: the client went away ({})", ctx.ip(), failure.getMessage());
        } else {
            LOG.error("export cut off by an unexpected failure on {} {}", ctx.method(), ctx.path(), failure);
        }
        ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().getEndPoint().close(failure);
    }

    /** Writing to the client failed (Jackson and the CSV writer wrap the servlet stream's IOException). */
    private static boolean causedByIo(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Media type of each format as served. */
    static String contentType(ExportFormat format) {
        return switch (format) {
            case NDJSON -> format.mediaType();
            case CSV -> format.mediaType() + "; charset=utf-8; header=present";
        };
    }
}
