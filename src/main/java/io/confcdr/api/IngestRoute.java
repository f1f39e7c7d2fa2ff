package io.confcdr.api;

import io.confcdr.ingest.BatchTooLargeException;
import io.confcdr.ingest.BodyFormat;
import io.confcdr.ingest.BoundedInputStream;
import io.confcdr.ingest.IngestReport;
import io.confcdr.ingest.IngestReportJson;
import io.confcdr.ingest.Ingestor;
import io.confcdr.ingest.MalformedBodyException;
import io.confcdr.ingest.SourceBatch;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * {@code POST /ingest/v1/conference/calls}: a batch of CDRs from a conference bridge, as NDJSON
 * ({@code application/x-ndjson}) or one JSON array ({@code application/json}), optionally gzipped; what is
 * accepted is the {@link Ingestor}'s. Answers 200 when every record is now stored, 422 when some were
 * rejected (the report says which; the others are stored, and sending the whole batch again is safe).
 * {@code Confcdr-Source} and {@code Confcdr-Sequence} number the batch's records for {@link SourceRoutes}.
 */
final class IngestRoute implements Routes {

    static final String PATH = "/ingest/v1/conference/calls";

    private final Ingestor ingestor;
    private final RequestAuth auth;
    private final long maxBytes;

    IngestRoute(Ingestor ingestor, RequestAuth auth, long maxBytes) {
        this.ingestor = ingestor;
        this.auth = auth;
        this.maxBytes = maxBytes;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH, this::handle);
    }

    void handle(Context ctx) {
        var caller = auth.authenticate(ctx);
        // Who may ingest is decided before the body is looked at: a token without cdr.ingest gets a 403.
        ingestor.requireMayIngest(caller);
        BodyFormat format = format(ctx.contentType());
        // Checked before the body is read: a bad header refuses the batch whole.
        SourceBatch source = SourceBatch.parse(ctx.header(SourceBatch.SOURCE), ctx.header(SourceBatch.SEQUENCE)).orElse(null);
        long declaredLength = ctx.req().getContentLengthLong();
        if (declaredLength > maxBytes) {
            throw new BatchTooLargeException("the body exceeds " + maxBytes + " bytes");
        }
        InputStream received = new BoundedInputStream(ctx.bodyInputStream(), maxBytes);
        IngestReport report;
        try {
            report = ingestor.ingest(caller, format, decoded(ctx.header("Content-Encoding"), received), source);
        } catch (RuntimeException refused) {
            drain(received);
            throw refused;
        }
        JsonOutput.write(ctx, report.isComplete() ? 200 : 422, out -> IngestReportJson.write(out, report));
    }

    /**
     * Reads and drops what is left of a body refused before its end (up to the size limit): a server that
     * answers and closes with unread bytes makes the client's TCP stack reset the connection, and a client
     * still sending would get the reset instead of the answer.
     */
    private static void drain(InputStream received) {
        try {
            received.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException beyondTheLimitOrGone) {
            // Over the limit or the client went away: the connection closes, as for any oversized body.
        }
    }

    /**
     * Bridges may gzip their batches. The limit then applies twice: to the bytes received and to the
     * bytes they inflate to, so a small compressed body cannot expand without bound.
     */
    private InputStream decoded(String contentEncoding, InputStream received) {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "identity", "" -> received;
            case "gzip", "x-gzip" -> {
                try {
                    yield new BoundedInputStream(new GZIPInputStream(received), maxBytes);
                } catch (IOException e) {
                    throw new MalformedBodyException("the body is not gzip data");
                }
            }
            default -> throw ApiError.unsupportedMediaType("Content-Encoding", "send the body uncompressed or gzip-compressed");
        };
    }

    private static BodyFormat format(String contentType) {
        return switch (MediaType.of(contentType)) {
            case "application/x-ndjson", "application/ndjson" -> BodyFormat.NDJSON;
            case "application/json" -> BodyFormat.JSON_ARRAY;
            default -> throw ApiError.unsupportedMediaType("Content-Type",
                    "send application/x-ndjson (one record per line) or application/json (an array of records)");
        };
    }
}
