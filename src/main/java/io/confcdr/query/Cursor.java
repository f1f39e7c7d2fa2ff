package io.confcdr.query;

/** {@code after=<call_sid>} (before = false) or {@code before=<call_sid>} (before = true). */
public record Cursor(String callSid, boolean before) {

    public static Cursor after(String callSid) {
        return new Cursor(callSid, false);
    }

    public static Cursor before(String callSid) {
        return new Cursor(callSid, true);
    }
}
