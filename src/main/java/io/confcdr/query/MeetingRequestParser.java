package io.confcdr.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the meeting listing's query parameters (already URL-decoded) into a {@link MeetingQuery}, with
 * the list route's rules: unknown parameters ignored, a known one given twice refused, an empty value
 * absent, the same filter language ({@link FilterParser}) and the same limit and offset bounds.
 */
public final class MeetingRequestParser {

    /** The parameters the meeting listing understands; its pagination links carry filter and order. */
    public static final Set<String> PARAMETERS = Set.of("filter", "order", "limit", "offset");

    private static final String KEYS = Arrays.stream(MeetingOrder.Key.values())
            .map(MeetingOrder.Key::wireName).collect(Collectors.joining(", "));

    private MeetingRequestParser() {
    }

    public static MeetingQuery parse(Map<String, List<String>> params) {
        for (String name : PARAMETERS) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                throw new QueryException(name, name + " may be given only once");
            }
            if (values != null && values.getFirst().indexOf('\0') >= 0) {
                throw new QueryException(name, name + " must not contain the NUL character (U+0000)");
            }
        }
        int limit = Parameters.integer(params, "limit", CdrQuery.DEFAULT_LIMIT, 1, CdrQuery.MAX_LIMIT);
        int offset = Parameters.integer(params, "offset", 0, 0, Integer.MAX_VALUE);
        MeetingOrder order = order(Parameters.single(params, "order"));
        Filter filter = FilterParser.parse(Parameters.single(params, "filter"));
        return new MeetingQuery(filter, order, limit, offset);
    }

    /** {@code <key>} or {@code <key> asc|desc}, the space possibly a literal {@code +}; null is the default. */
    public static MeetingOrder order(String value) {
        if (value == null) {
            return MeetingOrder.DEFAULT;
        }
        String[] words = value.replace('+', ' ').strip().split("[ \\t]+");
        if (words.length > 2) {
            throw new QueryException("order", "expected '<attribute>', '<attribute> asc' or '<attribute> desc' but found '" + value + "'");
        }
        MeetingOrder.Key key = Arrays.stream(MeetingOrder.Key.values())
                .filter(k -> k.wireName().equals(words[0]))
                .findFirst()
                .orElseThrow(() -> new QueryException("order",
                        "meetings can be ordered on " + KEYS + " but not on '" + words[0] + "'"));
        if (words.length == 1) {
            return new MeetingOrder(key, false);
        }
        return switch (words[1].toLowerCase(Locale.ROOT)) {
            case "asc" -> new MeetingOrder(key, false);
            case "desc" -> new MeetingOrder(key, true);
            default -> throw new QueryException("order", "expected asc or desc after the attribute but found '" + words[1] + "'");
        };
    }
}
