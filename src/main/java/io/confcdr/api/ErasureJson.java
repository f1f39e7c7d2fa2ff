package io.confcdr.api;

import io.confcdr.model.Erasure;
import io.confcdr.model.Timestamps;
import tools.jackson.core.JsonGenerator;

/** An erasure on the wire, keys in alphabetical order; never the number, only its SHA-256. */
final class ErasureJson {

    private ErasureJson() {
    }

    /** The answer to the erasure itself: what was done, to how many records. */
    static void writeReceipt(JsonGenerator out, Erasure erasure) {
        out.writeStartObject();
        out.writeStringProperty("date_created", Timestamps.format(erasure.dateCreated()));
        out.writeStringProperty("erasure_sid", erasure.sid());
        out.writeStringProperty("mode", erasure.mode().wireName());
        out.writeStringProperty("number_sha256", erasure.numberSha256());
        out.writeNumberProperty("records", erasure.records());
        out.writeEndObject();
    }

    /** A listed erasure: the receipt and who asked (null partner and token: the operator, from the command line). */
    static void writeListed(JsonGenerator out, Erasure erasure) {
        out.writeStartObject();
        out.writeStringProperty("date_created", Timestamps.format(erasure.dateCreated()));
        out.writeStringProperty("erasure_sid", erasure.sid());
        out.writeStringProperty("mode", erasure.mode().wireName());
        out.writeStringProperty("number_sha256", erasure.numberSha256());
        out.writeStringProperty("partner_sid", erasure.partnerSid());
        out.writeNumberProperty("records", erasure.records());
        out.writeStringProperty("token_id", erasure.tokenId());
        out.writeEndObject();
    }
}
