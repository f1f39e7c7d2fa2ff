package io.confcdr.push;

import io.confcdr.model.CdrJson;
import io.confcdr.model.FieldSelection;
import io.confcdr.store.StoredRecord;
import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/** {@code {"delivery_sid", "subscription_sid", "items": [records, field selection applied]}}. */
final class DeliveryBody {

    private static final JsonFactory FACTORY = new JsonFactory();

    private DeliveryBody() {
    }

    /** The body as UTF-8 bytes, written straight to bytes: they are signed and sent as they are. */
    static byte[] write(String deliverySid, String subscriptionSid, List<StoredRecord> records, FieldSelection selection) {
        var out = new ByteArrayOutputStream(1024 * Math.max(1, records.size()));
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("delivery_sid", deliverySid);
            json.writeStringProperty("subscription_sid", subscriptionSid);
            json.writeArrayPropertyStart("items");
            for (StoredRecord record : records) {
                CdrJson.write(json, record.cdr(), selection);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toByteArray();
    }
}
