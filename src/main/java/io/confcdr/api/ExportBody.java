package io.confcdr.api;

import io.confcdr.export.ExportFormat;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The export's response body, opened at its first byte: status, headers and (when the client accepts it)
 * gzip are decided then, so an error found earlier leaves a clean response to write the error document on.
 * Writes go to the servlet stream itself, not through Javalin's compressing stream, whose flush does not
 * reach the client: here gzip flushes with SYNC_FLUSH, so every flush sends what was written so far.
 */
final class ExportBody {

    private final Context ctx;
    private final ExportFormat format;
    private final boolean gzip;
    private OutputStream stream;

    ExportBody(Context ctx, ExportFormat format, boolean gzip) {
        this.ctx = ctx;
        this.format = format;
        this.gzip = gzip;
    }

    /** True when {@code Accept-Encoding} lists gzip (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            boolean refused = parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            if ((name.equals("gzip") || name.equals("x-gzip")) && !refused) {
                return true;
            }
        }
        return false;
    }

    OutputStream open() {
        ctx.status(200).contentType(ExportRoutes.contentType(format));
        ctx.header("Content-Disposition", "attachment; filename=\"calls." + format.parameterValue() + "\"");
        ctx.header("Vary", "Accept, Accept-Encoding");
        try {
            OutputStream servlet = ctx.res().getOutputStream();
            if (gzip) {
                ctx.header("Content-Encoding", "gzip");
                stream = new GZIPOutputStream(servlet, 16 * 1024, true);
            } else {
                stream = servlet;
            }
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the body (the gzip trailer); the servlet stream itself is completed by the server. */
    void close() {
        try {
            if (stream instanceof GZIPOutputStream compressed) {
                compressed.finish();
            }
            if (stream != null) {
                stream.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
