package io.confcdr.query;

import io.confcdr.model.CdrField;
import io.confcdr.model.FieldSelection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Turns query-string parameters into a {@link ListRequest}, or a {@link QueryException} naming the
 * parameter at fault. Pure: no I/O.
 */
public final class ListRequestParser {

    private ListRequestParser() {
    }

    public static ListRequest parse(Map<String, List<String>> params) {
        int limit = intParam(params, "limit", CdrQuery.DEFAULT_LIMIT);
        if (limit < 1 || limit > CdrQuery.MAX_LIMIT) {
            throw new QueryException("limit", "limit must be between 1 and " + CdrQuery.MAX_LIMIT);
        }
        int offset = intParam(params, "offset", 0);
        if (offset < 0) {
            throw new QueryException("offset", "offset must be 0 or more");
        }
        var query = new CdrQuery(Filter.ALL, Order.INSERTION, limit, offset, null, false);
        return new ListRequest(query, fieldSelection(first(params, "include_fields"), first(params, "exclude_fields")));
    }

    /** {@code include_fields} and {@code exclude_fields}, as for the list and the single-record GET. */
    public static FieldSelection fieldSelection(String include, String exclude) {
        EnumSet<CdrField> fields = include == null ? EnumSet.allOf(CdrField.class) : fieldList("include_fields", include);
        if (exclude != null) {
            fields.removeAll(fieldList("exclude_fields", exclude));
        }
        return new FieldSelection(fields);
    }

    private static EnumSet<CdrField> fieldList(String param, String value) {
        EnumSet<CdrField> fields = EnumSet.noneOf(CdrField.class);
        for (String name : value.split(",", -1)) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            fields.add(CdrField.byWireName(trimmed)
                    .orElseThrow(() -> new QueryException(param, "unknown attribute '" + trimmed + "'")));
        }
        return fields;
    }

    private static int intParam(Map<String, List<String>> params, String name, int defaultValue) {
        String value = first(params, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new QueryException(name, name + " must be a whole number");
        }
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
