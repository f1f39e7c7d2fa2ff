package io.confcdr.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/** Streams a JSON response straight into the HTTP body: no tree, no intermediate string. */
final class JsonOutput {

    static final String JSON = "application/json";
    static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {
    }

    /**
     * The document in memory, for a response that must not be written while a scarce resource is held: a
     * client reading slowly would keep it for as long as it takes (see {@link CdrReadRoutes#listRecords}).
     */
    static byte[] bytes(Consumer<JsonGenerator> body) {
        var buffer = new java.io.ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator out = FACTORY.createGenerator(buffer)) {
            body.accept(out);
        }
        return buffer.toByteArray();
    }

    static void write(Context ctx, int status, Consumer<JsonGenerator> body) {
        ctx.status(status).contentType(JSON);
        try (OutputStream stream = ctx.outputStream(); JsonGenerator out = FACTORY.createGenerator(stream)) {
            body.accept(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
