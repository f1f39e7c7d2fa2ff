package io.confcdr.model;

import java.util.regex.Pattern;

/**
 * What a sid (call_sid, partner_sid, and the other identifiers) may look like: 1 to 128 characters of
 * {@code A-Z a-z 0-9 . _ : ~ -}, so that it travels unescaped in a URL path and in a filter value.
 */
public final class Sids {

    public static final int MAX_LENGTH = 128;
    public static final String RULE = "must consist of letters, digits and . _ : ~ - only";
    private static final Pattern CHARACTERS = Pattern.compile("[A-Za-z0-9._:~-]+");

    private Sids() {
    }

    /** Whether every character is allowed (length is checked separately, against {@link #MAX_LENGTH}). */
    public static boolean hasAllowedCharacters(String sid) {
        return CHARACTERS.matcher(sid).matches();
    }

    /** Why {@code sid} is not a valid sid, as the end of a sentence naming it; null when it is. */
    public static String problem(String sid) {
        if (sid.isEmpty() || sid.length() > MAX_LENGTH) {
            return "must be 1 to " + MAX_LENGTH + " characters long";
        }
        return hasAllowedCharacters(sid) ? null : RULE;
    }
}
