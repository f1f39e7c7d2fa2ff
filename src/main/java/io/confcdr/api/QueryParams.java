package io.confcdr.api;

import io.confcdr.query.QueryException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query string, decoded strictly: {@code %XX} escapes as UTF-8 bytes, {@code +} as a space. Javalin's
 * own decoding turns a value it cannot decode into a missing value (a parameter with no values), which
 * the list route answered with a 500 and the other routes silently ignored. Here a malformed escape or
 * bytes that are not UTF-8 in a parameter the route knows are a {@link QueryException} naming it (400);
 * in any other parameter they are ignored, like the parameter itself.
 */
final class QueryParams {

    private QueryParams() {
    }

    /** Every parameter of the request by decoded name, values in order; a name without {@code =} has the value "". */
    static Map<String, List<String>> of(Context ctx, Set<String> known) {
        return decode(ctx.queryString(), known);
    }

    /** The first value of one parameter, or null when absent. */
    static String first(Context ctx, String name) {
        List<String> values = of(ctx, Set.of(name)).get(name);
        return values == null ? null : values.getFirst();
    }

    static Map<String, List<String>> decode(String rawQuery, Set<String> known) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decodeOrNull(equals < 0 ? pair : pair.substring(0, equals));
            if (name == null) {
                // No known parameter has a name that needs escaping, let alone a broken escape.
                continue;
            }
            String value = decodeOrNull(equals < 0 ? "" : pair.substring(equals + 1));
            if (value == null) {
                if (known.contains(name)) {
                    throw new QueryException(name, name
                            + " is not correctly URL-encoded: every % must start an escape %XX of two hex digits, and the escaped bytes must be UTF-8 (a literal % is %25)");
                }
                continue;
            }
            params.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        }
        return params;
    }

    /** 0-15 for an ASCII hex digit, else -1 ({@link Character#digit} would also take other scripts' digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** The decoded text, or null when an escape is malformed or the bytes are not UTF-8. */
    static String decodeOrNull(String raw) {
        if (raw.chars().noneMatch(c -> c == '%' || Character.isSurrogate((char) c))) {
            return raw.replace('+', ' ');
        }
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            if (c == '%') {
                int high = i + 1 < raw.length() ? hexDigit(raw.charAt(i + 1)) : -1;
                int low = i + 2 < raw.length() ? hexDigit(raw.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 3;
                continue;
            }
            if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else if (Character.isSurrogate((char) c)) {
                return null;
            } else {
                // A client that sent raw non-ASCII bytes: Jetty hands them over as the characters they encode.
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(c);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
