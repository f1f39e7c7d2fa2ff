package io.confcdr.query;

import io.confcdr.model.CdrField;
import io.confcdr.model.FieldSelection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns query-string parameters (already URL-decoded) into a {@link ListRequest}, or a
 * {@link QueryException} naming the parameter at fault. Pure: no I/O.
 * <ul>
 *   <li>Parameters this API does not know are ignored, as CarrierX does.</li>
 *   <li>A known parameter given twice is an error rather than a guess at which one was meant.</li>
 *   <li>An empty value ({@code after=}) counts as absent.</li>
 * </ul>
 */
public final class ListRequestParser {

    /** The parameters the list endpoint understands; the API layer may use it to build pagination links. */
    public static final Set<String> PARAMETERS = Set.of(
            "filter", "order", "limit", "offset", "after", "before", "with_total", "include_fields", "exclude_fields");

    private ListRequestParser() {
    }

    public static ListRequest parse(Map<String, List<String>> params) {
        for (String name : PARAMETERS) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                throw new QueryException(name, name + " may be given only once");
            }
            // Ingest refuses NUL in every attribute, so no record holds one; PostgreSQL cannot even compare
            // a text with one. Refusing it here keeps every store answering alike, with a 400.
            if (values != null && values.getFirst().indexOf('\0') >= 0) {
                throw new QueryException(name, name + " must not contain the NUL character (U+0000)");
            }
        }
        int limit = Parameters.integer(params, "limit", CdrQuery.DEFAULT_LIMIT, 1, CdrQuery.MAX_LIMIT);
        int offset = Parameters.integer(params, "offset", 0, 0, Integer.MAX_VALUE);
        Order order = order(value(params, "order"));
        Cursor cursor = cursor(value(params, "after"), value(params, "before"));
        if (cursor != null && value(params, "offset") != null) {
            throw new QueryException("offset", "offset cannot be combined with after or before");
        }
        if (cursor != null && order instanceof Order.Shuffle) {
            throw new QueryException("order", "shuffle cannot be combined with after or before");
        }
        Filter filter = FilterParser.parse(value(params, "filter"));
        boolean withTotal = withTotal(value(params, "with_total"));
        var query = new CdrQuery(filter, order, limit, offset, cursor, withTotal);
        return new ListRequest(query, fieldSelection(value(params, "include_fields"), value(params, "exclude_fields")));
    }

    /**
     * {@code order=<attribute>}, {@code <attribute> asc|desc} (the space may arrive as a literal
     * {@code +}, which never occurs in an attribute name), or {@code shuffle}; null for the default.
     */
    public static Order order(String value) {
        if (value == null) {
            return Order.INSERTION;
        }
        String[] words = value.replace('+', ' ').strip().split("[ \\t]+");
        if (words.length == 1 && words[0].equalsIgnoreCase("shuffle")) {
            return new Order.Shuffle();
        }
        if (words.length > 2) {
            throw new QueryException("order", "expected '<attribute>', '<attribute> asc', '<attribute> desc' or 'shuffle' but found '" + value + "'");
        }
        CdrField field = CdrField.byWireName(words[0])
                .orElseThrow(() -> new QueryException("order", "unknown attribute '" + words[0] + "'"));
        if (words.length == 1) {
            return new Order.ByField(field, false);
        }
        return switch (words[1].toLowerCase(Locale.ROOT)) {
            case "asc" -> new Order.ByField(field, false);
            case "desc" -> new Order.ByField(field, true);
            default -> throw new QueryException("order", "expected asc or desc after the attribute but found '" + words[1] + "'");
        };
    }

    private static Cursor cursor(String after, String before) {
        if (after != null && before != null) {
            throw new QueryException("before", "after and before cannot be combined");
        }
        if (after != null) {
            return Cursor.after(after);
        }
        return before == null ? null : Cursor.before(before);
    }

    private static boolean withTotal(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new QueryException("with_total", "with_total must be true or false");
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

    static String value(Map<String, List<String>> params, String name) {
        return Parameters.single(params, name);
    }
}
