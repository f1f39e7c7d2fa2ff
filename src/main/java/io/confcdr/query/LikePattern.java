package io.confcdr.query;

/**
 * The meaning of a {@code like} pattern: {@code %} matches any run of code points (also none),
 * {@code _} exactly one; every other code point matches itself. There is no escape character.
 * Case-insensitive matching folds ASCII letters only, as SQLite {@code LIKE} and PostgreSQL
 * {@code ILIKE} under the "C" collation do.
 */
public final class LikePattern {

    private LikePattern() {
    }

    public static boolean matches(String pattern, String value, boolean caseInsensitive) {
        int[] p = pattern.codePoints().toArray();
        int[] v = value.codePoints().toArray();
        // matched[j]: the pattern so far matches the first j code points of the value.
        boolean[] matched = new boolean[v.length + 1];
        matched[0] = true;
        for (int code : p) {
            boolean[] next = new boolean[v.length + 1];
            if (code == '%') {
                boolean any = false;
                for (int j = 0; j <= v.length; j++) {
                    any |= matched[j];
                    next[j] = any;
                }
            } else {
                for (int j = 1; j <= v.length; j++) {
                    next[j] = matched[j - 1] && (code == '_' || same(code, v[j - 1], caseInsensitive));
                }
            }
            matched = next;
        }
        return matched[v.length];
    }

    private static boolean same(int a, int b, boolean caseInsensitive) {
        return a == b || (caseInsensitive && foldAscii(a) == foldAscii(b));
    }

    private static int foldAscii(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
