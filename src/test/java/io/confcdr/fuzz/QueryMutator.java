package io.confcdr.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Query strings from valid ones, mutated the ways hand-written URLs and hostile clients break them:
 * malformed and truncated escapes, raw {@code %}, quotes and non-ASCII, escaped bytes that are not UTF-8,
 * repeated and unknown parameters, huge numbers, long values. Whitespace, CR and LF never appear raw
 * (they would end the request line rather than test the query decoder).
 */
final class QueryMutator {

    private static final List<String> VALID = List.of(
            "limit=5", "limit=1000&offset=3", "order=date_stop+desc", "order=duration%20asc&limit=2", "order=shuffle",
            "filter=role+eq+host", "filter=number_src+like+%22%2B1%25%22",
            "filter=date_stop+ge+2024-10-31T18:00:00Z+and+date_stop+lt+2024-10-31T19:00:00Z",
            "filter=date_stop+ge+2025-01-01T12:00:00+00:00", "filter=role+in+(host,%22participant%22)",
            "filter=duration+gt+4.25+and+disconnect_cause+eq+16", "filter=custom_name+ilike+%27%25caf%C3%A9%25%27",
            "filter=date_join+eq+null", "include_fields=call_sid,role", "exclude_fields=user_agent",
            "with_total=true", "after=fuzz-call-7", "before=fuzz-call-12&order=date_stop", "after=fuzz-call-3&limit=2",
            "");
    private static final List<String> NAMES = List.of(
            "filter", "order", "limit", "offset", "after", "before", "with_total", "include_fields", "exclude_fields");
    private static final List<String> PIECES = List.of(
            "%", "%%", "%z", "%zz", "%2", "%g0", "%C3", "%C3%28", "%80", "%FF", "%ED%A0%80", "%F4%90%80%80", "%C0%AF",
            "%00", "%0A", "%25", "%2B", "+", "&", "=", "&&", "==", "\"", "'", "\\", "\\\"", "(", ")", ",", "null", "eq",
            " and ", "like", "in", "desc", "99999999999999999999999", "-1", "0", "1e9", "NaN", "é", "😀", "\u202e",
            "\uffff", "中文", "%E2%80%A8", "%EF%BB%BF", "date_stop", "call_sid", "~", ";", "#", "/", "?");

    private final Random random;

    QueryMutator(Random random) {
        this.random = random;
    }

    /** A query string (without the {@code ?}), possibly empty. */
    String next() {
        String query = VALID.get(random.nextInt(VALID.size()));
        if (random.nextInt(4) == 0) {
            query = query + "&" + VALID.get(random.nextInt(VALID.size()));
        }
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            query = mutate(query);
        }
        return query;
    }

    private String mutate(String query) {
        int at = query.isEmpty() ? 0 : random.nextInt(query.length() + 1);
        return switch (random.nextInt(9)) {
            case 0 -> query.substring(0, at) + pick(PIECES) + query.substring(at);
            case 1 -> query.isEmpty() ? query : query.substring(0, at) + query.substring(Math.min(query.length(), at + 1 + random.nextInt(6)));
            case 2 -> query.substring(0, at);
            case 3 -> query + "&" + pick(NAMES) + "=" + pick(PIECES) + pick(PIECES);
            case 4 -> pick(NAMES) + "=" + pick(PIECES) + "&" + query;
            case 5 -> query + "&" + pick(NAMES) + "=" + pick(PIECES).repeat(1 + random.nextInt(random.nextInt(20) == 0 ? 3000 : 30));
            case 6 -> query.substring(0, at) + (char) (0x21 + random.nextInt(0x5e)) + query.substring(at);
            case 7 -> query + "&x" + random.nextInt(1000) + "=" + pick(PIECES);
            default -> query.replace(pick(NAMES), pick(NAMES));
        };
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** The query's bytes as sent: UTF-8, with raw whitespace and control characters escaped. */
    static byte[] wire(String query) {
        var text = new StringBuilder(query.length());
        query.codePoints().forEach(c -> {
            if (c <= 0x20 || c == 0x7f) {
                text.append('%').append(String.format("%02X", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
