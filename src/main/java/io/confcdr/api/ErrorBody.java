package io.confcdr.api;

import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** CarrierX's error document: {@code {"errors": [{"field", "message"}], "message"}}. */
final class ErrorBody {

    /** {@code field} names the parameter, attribute or header at fault, or is null. */
    record Detail(String field, String message) {
    }

    private ErrorBody() {
    }

    static byte[] render(String message, List<Detail> details) {
        var bytes = new ByteArrayOutputStream(128);
        try (JsonGenerator out = JsonOutput.FACTORY.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeArrayPropertyStart("errors");
            for (Detail detail : details) {
                out.writeStartObject();
                out.writeStringProperty("field", detail.field());
                out.writeStringProperty("message", detail.message());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeStringProperty("message", message);
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }
}
