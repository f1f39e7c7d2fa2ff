package io.confcdr.api;

import io.confcdr.query.CdrQuery;
import io.confcdr.query.Order;
import io.confcdr.store.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code pagination.next} and {@code pagination.previous} URLs of a listing. They repeat the
 * request's filter, order, field filtering and with_total, state the effective limit, and continue by
 * keyset ({@code after=<last call_sid>} / {@code before=<first call_sid>}) instead of offset, so that
 * following them is cheap at any depth and stable while records arrive. A shuffled listing has no
 * keyset; its links step the offset instead.
 */
final class PageLinks {

    /** Request parameters a link carries over unchanged, in the order it writes them. */
    private static final List<String> CARRIED = List.of("filter", "order", "include_fields", "exclude_fields", "with_total");

    private final String pageUrl;

    /** @param pageUrl absolute URL of the listing without query string, such as {@code https://h/core/v2/app/conference/calls} */
    PageLinks(String pageUrl) {
        this.pageUrl = pageUrl;
    }

    record Links(String next, String previous) {
    }

    Links of(Map<String, List<String>> params, CdrQuery query, Page page) {
        String next = page.hasNext() ? link(params, query, forward(query, page)) : null;
        String previous = page.hasPrevious() ? link(params, query, backward(query, page)) : null;
        return new Links(next, previous);
    }

    private static String[] forward(CdrQuery query, Page page) {
        if (query.order() instanceof Order.Shuffle) {
            return new String[] {"offset", Integer.toString(query.offset() + page.items().size())};
        }
        if (page.items().isEmpty()) {
            // Only reachable from a hand-made before= cursor past the start: continue from that record.
            return new String[] {"after", query.cursor().callSid()};
        }
        return new String[] {"after", page.items().getLast().callSid()};
    }

    private static String[] backward(CdrQuery query, Page page) {
        if (query.order() instanceof Order.Shuffle) {
            return new String[] {"offset", Integer.toString(Math.max(0, query.offset() - query.limit()))};
        }
        if (page.items().isEmpty()) {
            // Reachable only by hand: an offset past the end (back to the first page), or after= past the end.
            return query.cursor() == null ? new String[0] : new String[] {"before", query.cursor().callSid()};
        }
        return new String[] {"before", page.items().getFirst().callSid()};
    }

    private String link(Map<String, List<String>> params, CdrQuery query, String[] position) {
        List<String> pairs = new ArrayList<>();
        for (String name : CARRIED) {
            List<String> values = params.get(name);
            if (values != null && !values.isEmpty()) {
                pairs.add(name + "=" + encode(values.getFirst()));
            }
        }
        pairs.add("limit=" + query.limit());
        if (position.length == 2) {
            pairs.add(position[0] + "=" + encode(position[1]));
        }
        return pageUrl + "?" + String.join("&", pairs);
    }

    /** RFC 3986 percent-encoding: a space is {@code %20}, never {@code +}. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
