package io.confcdr.api;

import io.confcdr.model.Partner;
import io.confcdr.model.Timestamps;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** CarrierX's partner object, the attributes confcdr keeps, keys in alphabetical order. */
final class PartnerJson {

    private PartnerJson() {
    }

    static void write(JsonGenerator out, Partner partner) {
        out.writeStartObject();
        out.writeObjectPropertyStart("callbacks");
        for (Map.Entry<String, String> callback : partner.callbacks().entrySet()) {
            out.writeStringProperty(callback.getKey(), callback.getValue());
        }
        out.writeEndObject();
        if (partner.cdrRetentionDays() == null) {
            out.writeNullProperty("cdr_retention_days");
        } else {
            out.writeNumberProperty("cdr_retention_days", partner.cdrRetentionDays());
        }
        out.writeStringProperty("date_created", partner.dateCreated() == null ? null : Timestamps.format(partner.dateCreated()));
        out.writeStringProperty("name", partner.name());
        out.writeStringProperty("parent_sid", partner.parentSid());
        out.writeStringProperty("partner_sid", partner.sid());
        out.writeStringProperty("status", partner.status());
        out.writeEndObject();
    }
}
