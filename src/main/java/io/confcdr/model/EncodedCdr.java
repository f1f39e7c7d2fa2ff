package io.confcdr.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A stored record whose text attributes are kept as the UTF-8 bytes the database sent, every other
 * attribute in its model type. A store's scan hands records on in this form so that an export writes
 * them ({@link EncodedCdrJson}, text copied byte for byte) without decoding each text into a
 * {@code String} and encoding it back; a reader that wants the record asks {@link #toCdr()}.
 */
public final class EncodedCdr {

    private static final CdrField[] FIELDS = CdrField.values();

    private final Object[] values;

    private EncodedCdr(Object[] values) {
        this.values = values;
    }

    /**
     * The record whose attribute values, in {@link CdrField} order, are {@code valuesInFieldOrder}, taken
     * as they are (not copied): a text attribute as its UTF-8 bytes ({@code byte[]}, valid UTF-8), any other
     * in its model type ({@link CdrField#get}); null when unknown.
     *
     * @throws IllegalArgumentException if there are not exactly 27 values
     */
    public static EncodedCdr ofValues(Object[] valuesInFieldOrder) {
        if (valuesInFieldOrder.length != FIELDS.length) {
            throw new IllegalArgumentException("expected " + FIELDS.length + " values, got " + valuesInFieldOrder.length);
        }
        return new EncodedCdr(valuesInFieldOrder);
    }

    public static EncodedCdr of(Cdr cdr) {
        Object[] values = new Object[FIELDS.length];
        for (CdrField field : FIELDS) {
            Object value = field.get(cdr);
            values[field.ordinal()] = value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : value;
        }
        return new EncodedCdr(values);
    }

    /** The attribute's value as held: {@code byte[]} (UTF-8) for text, the model type otherwise; null when unknown. */
    public Object encoded(CdrField field) {
        return values[field.ordinal()];
    }

    /** The attribute's value in its model type, as {@link CdrField#get} gives it from {@link #toCdr()}. */
    public Object get(CdrField field) {
        return decoded(values[field.ordinal()]);
    }

    public Cdr toCdr() {
        Object[] decoded = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            decoded[i] = decoded(values[i]);
        }
        return Cdr.fromValues(decoded);
    }

    private static Object decoded(Object value) {
        return value instanceof byte[] utf8 ? new String(utf8, StandardCharsets.UTF_8) : value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedCdr that && Arrays.deepEquals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "EncodedCdr" + toCdr();
    }
}
