package io.confcdr.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the delivery log's query parameters (already URL-decoded) into a {@link DeliveryLogQuery}, with the
 * list route's rules and messages: a known parameter given twice refused, the same filter language over the
 * log's attributes, {@code order=<attribute> [asc|desc]} (default {@code date desc}: newest first), limit
 * 1..1000 (default 10), offset, and {@code after}/{@code before} cursors that combine with neither offset
 * nor each other.
 */
public final class DeliveryLogRequestParser {

    public static final Set<String> PARAMETERS = Set.of("filter", "order", "limit", "offset", "after", "before");

    private static final String KEYS = Arrays.stream(DeliveryField.values()).map(DeliveryField::wireName)
            .collect(Collectors.joining(", "));

    private DeliveryLogRequestParser() {
    }

    public static DeliveryLogQuery parse(Map<String, List<String>> params) {
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
        DeliveryCursor after = DeliveryCursor.parse("after", Parameters.single(params, "after"));
        DeliveryCursor before = DeliveryCursor.parse("before", Parameters.single(params, "before"));
        if ((after != null || before != null) && Parameters.single(params, "offset") != null) {
            throw new QueryException("offset", "offset cannot be combined with after or before");
        }
        if (after != null && before != null) {
            throw new QueryException("before", "after and before cannot be combined");
        }
        String order = Parameters.single(params, "order");
        List<Term<DeliveryField>> filter = FilterParser.parse(Parameters.single(params, "filter"), DeliveryField.ATTRIBUTES);
        if (order == null) {
            return new DeliveryLogQuery(filter, DeliveryField.DATE, true, limit, offset, after, before);
        }
        String[] words = order.replace('+', ' ').strip().split("[ \\t]+");
        if (words.length > 2) {
            throw new QueryException("order", "expected '<attribute>', '<attribute> asc' or '<attribute> desc' but found '" + order + "'");
        }
        DeliveryField key = DeliveryField.byWireName(words[0]).orElseThrow(() -> new QueryException("order",
                "deliveries can be ordered on " + KEYS + " but not on '" + words[0] + "'"));
        boolean descending = words.length == 2 && switch (words[1].toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new QueryException("order", "expected asc or desc after the attribute but found '" + words[1] + "'");
        };
        return new DeliveryLogQuery(filter, key, descending, limit, offset, after, before);
    }
}
