package io.confcdr.api;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrJson;
import io.confcdr.model.FieldSelection;
import io.confcdr.push.ResumeToken;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonGenerator;

/**
 * Server-sent events written straight onto the servlet's output stream (not Javalin's, which may
 * compress and so hold events back). Each event is {@code id: <resume token>} and one {@code data:} line
 * with the record as JSON (JSON writes line breaks inside strings as {@code \n}, so a record is always one
 * line). Nothing is flushed until {@link #flush}, so a page goes out in as few packets as it fits.
 */
final class EventStreamOutput {

    static final String MEDIA_TYPE = "text/event-stream";

    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    /** One record's JSON at a time: what a client costs beyond the page it is being sent. */
    private final ByteArrayOutputStream json = new ByteArrayOutputStream(2048);

    private EventStreamOutput(OutputStream out) {
        this.out = out;
    }

    /** Commits the 200 and its headers; from here on, failures can only end the stream. */
    static EventStreamOutput start(Context ctx) throws IOException {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType(MEDIA_TYPE);
        res.setHeader("Cache-Control", "no-cache");
        // nginx would otherwise buffer the stream and deliver events late, in bursts.
        res.setHeader("X-Accel-Buffering", "no");
        res.flushBuffer();
        return new EventStreamOutput(res.getOutputStream());
    }

    void event(Cdr cdr, FieldSelection fields) throws IOException {
        json.reset();
        try (JsonGenerator generator = JsonOutput.FACTORY.createGenerator(json)) {
            CdrJson.write(generator, cdr, fields);
        }
        out.write(ID);
        out.write(ResumeToken.of(cdr.callSid()).getBytes(StandardCharsets.US_ASCII));
        out.write(DATA);
        json.writeTo(out);
        out.write(END);
    }

    void comment(String text) throws IOException {
        out.write((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    void flush() throws IOException {
        out.flush();
    }
}
