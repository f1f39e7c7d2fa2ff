package io.confcdr.query;

import io.confcdr.model.FieldType;
import java.util.Arrays;
import java.util.Optional;

/**
 * The attributes of a delivery log entry, by wire name, as the log's {@code filter} and {@code order} name
 * them. {@code acknowledged} is filtered as the text {@code true} or {@code false}.
 */
public enum DeliveryField {
    ACKNOWLEDGED("acknowledged", FieldType.TEXT),
    ATTEMPT("attempt", FieldType.INTEGER),
    COUNT("count", FieldType.INTEGER),
    DATE("date", FieldType.INSTANT),
    DELIVERY_SID("delivery_sid", FieldType.TEXT),
    ERROR("error", FieldType.TEXT),
    FIRST_CALL_SID("first_call_sid", FieldType.TEXT),
    LAST_CALL_SID("last_call_sid", FieldType.TEXT),
    LATENCY_MS("latency_ms", FieldType.INTEGER),
    STATUS_CODE("status_code", FieldType.INTEGER);

    /** For {@link FilterParser#parse(String, FilterAttributes)}. */
    public static final FilterAttributes<DeliveryField> ATTRIBUTES = new FilterAttributes<>() {
        @Override
        public Optional<DeliveryField> byWireName(String name) {
            return DeliveryField.byWireName(name);
        }

        @Override
        public FieldType type(DeliveryField field) {
            return field.type;
        }

        @Override
        public String wireName(DeliveryField field) {
            return field.wireName;
        }
    };

    private final String wireName;
    private final FieldType type;

    DeliveryField(String wireName, FieldType type) {
        this.wireName = wireName;
        this.type = type;
    }

    public String wireName() {
        return wireName;
    }

    public FieldType type() {
        return type;
    }

    public static Optional<DeliveryField> byWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
