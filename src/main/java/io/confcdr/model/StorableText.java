package io.confcdr.model;

/**
 * What every text confcdr keeps must be: free of NUL (PostgreSQL text cannot hold it) and valid Unicode
 * (an unpaired surrogate, which JSON's {@code \ud800} escape can smuggle in, has no UTF-8 form and would be
 * stored as something else than was sent). Ingest and the admin routes refuse such text alike.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, as the end of a sentence naming the field; null when it can. */
    public static String problem(String text) {
        if (text.indexOf('\0') >= 0) {
            return "must not contain NUL characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode (it has an unpaired surrogate escape)";
            }
        }
        return null;
    }
}
