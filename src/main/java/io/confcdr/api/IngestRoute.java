package io.confcdr.api;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.ingest.BatchTooLargeException;
import io.confcdr.ingest.BoundedInputStream;
import io.confcdr.ingest.IngestReport;
import io.confcdr.ingest.IngestReportJson;
import io.confcdr.ingest.Ingestor;
import io.confcdr.ingest.MalformedBodyException;
import io.confcdr.ingest.PartnerScope;
import io.confcdr.store.Storage;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * {@code POST /ingest/v1/conference/calls}: a batch of CDRs from a conference bridge, as NDJSON
 * ({@code application/x-ndjson}) or one JSON array ({@code application/json}), optionally gzipped.
 * Needs {@code cdr.ingest}; records may belong to the token's partner or its descendants. Answers 200 when every record is now
 * stored, 422 when some were rejected (the report says which; the others are stored, and sending the
 * whole batch again is safe).
 */
final class IngestRoute {

    static final String PATH = "/ingest/v1/conference/calls";

    private final Storage storage;
    private final RequestAuth auth;
    private final Ingestor ingestor;
    private final long maxBytes;
    private final IngestMetrics metrics;

    IngestRoute(Storage storage, RequestAuth auth, Ingestor ingestor, long maxBytes, IngestMetrics metrics) {
        this.storage = storage;
        this.auth = auth;
        this.ingestor = ingestor;
        this.maxBytes = maxBytes;
        this.metrics = metrics;
    }

    void handle(Context ctx) {
        Caller caller = auth.authenticate(ctx);
        caller.requireAnyScope(Scopes.CDR_INGEST);
        BodyFormat format = BodyFormat.of(ctx.contentType());
        long declaredLength = ctx.req().getContentLengthLong();
        if (declaredLength > maxBytes) {
            throw new BatchTooLargeException("the body exceeds " + maxBytes + " bytes");
        }
        PartnerScope scope = PartnerScope.subtreeOf(storage.partners(), caller.token().partnerSid());
        InputStream body = decoded(ctx.header("Content-Encoding"), new BoundedInputStream(ctx.bodyInputStream(), maxBytes));
        IngestReport report = switch (format) {
            case NDJSON -> ingestor.ingestNdjson(body, scope);
            case JSON_ARRAY -> ingestor.ingestJsonArray(body, scope);
        };
        metrics.record(report);
        JsonOutput.write(ctx, report.isComplete() ? 200 : 422, out -> IngestReportJson.write(out, report));
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

    private enum BodyFormat {
        NDJSON, JSON_ARRAY;

        static BodyFormat of(String contentType) {
            String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            return switch (mediaType) {
                case "application/x-ndjson", "application/ndjson" -> NDJSON;
                case "application/json" -> JSON_ARRAY;
                default -> throw ApiError.unsupportedMediaType("Content-Type",
                        "send application/x-ndjson (one record per line) or application/json (an array of records)");
            };
        }
    }
}
