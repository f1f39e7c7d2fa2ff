package io.confcdr.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which attributes a response carries ({@code include_fields} / {@code exclude_fields}). Written in
 * {@link CdrField} order whatever order the request named them in.
 */
public record FieldSelection(Set<CdrField> fields) {

    public static final FieldSelection ALL = new FieldSelection(EnumSet.allOf(CdrField.class));

    public FieldSelection {
        fields = fields.isEmpty() ? EnumSet.noneOf(CdrField.class) : EnumSet.copyOf(fields);
    }

    public boolean includes(CdrField field) {
        return fields.contains(field);
    }

    public boolean isAll() {
        return fields.size() == CdrField.values().length;
    }
}
