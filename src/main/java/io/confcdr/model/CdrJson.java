package io.confcdr.model;

import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes a {@link Cdr} exactly as CarrierX does: every selected attribute present, null when unknown,
 * keys in alphabetical order, dates as {@code ...mmmZ}, durations as decimal strings, disconnect_cause
 * as a number. Streams into a generator so a page of 1000 records is never built as a tree.
 */
public final class CdrJson {

    private static final CdrField[] FIELDS = CdrField.values();
    private static final SerializableString[] NAMES = new SerializableString[FIELDS.length];

    static {
        for (CdrField field : FIELDS) {
            NAMES[field.ordinal()] = new SerializedString(field.wireName());
        }
    }

    private CdrJson() {
    }

    public static void write(JsonGenerator out, Cdr cdr, FieldSelection selection) {
        out.writeStartObject();
        for (CdrField field : FIELDS) {
            if (selection.includes(field)) {
                out.writeName(NAMES[field.ordinal()]);
                writeValue(out, field.get(cdr));
            }
        }
        out.writeEndObject();
    }

    private static void writeValue(JsonGenerator out, Object value) {
        switch (value) {
            case null -> out.writeNull();
            case String text -> out.writeString(text);
            case Instant instant -> out.writeString(Timestamps.format(instant));
            case Seconds seconds -> out.writeString(seconds.toWire());
            case Integer number -> out.writeNumber(number);
            default -> throw new IllegalStateException("unexpected attribute type " + value.getClass());
        }
    }
}
