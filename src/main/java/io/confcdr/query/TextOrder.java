package io.confcdr.query;

/**
 * Text order by Unicode code point: the order of SQLite's BINARY collation and PostgreSQL's
 * {@code COLLATE "C"} on UTF-8. {@link String#compareTo} is not it: it compares UTF-16 units, which
 * puts an emoji (a surrogate pair) before U+FFFD.
 */
public final class TextOrder {

    private TextOrder() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
