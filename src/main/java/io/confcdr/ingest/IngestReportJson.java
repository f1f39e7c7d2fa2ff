package io.confcdr.ingest;

import tools.jackson.core.JsonGenerator;

/**
 * Writes an {@link IngestReport} as {@code {"accepted", "duplicates", "rejected": [{"call_sid",
 * "errors": [{"field", "message"}], "index"}]}}, keys in alphabetical order like every confcdr response.
 */
public final class IngestReportJson {

    private IngestReportJson() {
    }

    public static void write(JsonGenerator out, IngestReport report) {
        out.writeStartObject();
        out.writeNumberProperty("accepted", report.accepted());
        out.writeNumberProperty("duplicates", report.duplicates());
        out.writeArrayPropertyStart("rejected");
        for (IngestReport.Rejection rejection : report.rejected()) {
            out.writeStartObject();
            out.writeStringProperty("call_sid", rejection.callSid());
            out.writeArrayPropertyStart("errors");
            for (IngestReport.Reason reason : rejection.errors()) {
                out.writeStartObject();
                out.writeStringProperty("field", reason.field());
                out.writeStringProperty("message", reason.message());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeNumberProperty("index", rejection.index());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
