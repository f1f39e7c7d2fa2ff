package io.confcdr.query;

/**
 * The order of a meeting listing: one summary attribute, ascending or descending. Ties are broken by
 * {@code meeting_sid} in the same direction, so a descending order is the exact reverse of the ascending
 * one and pages never overlap or skip.
 */
public record MeetingOrder(Key key, boolean descending) {

    /** The default: earliest meeting first. */
    public static final MeetingOrder DEFAULT = new MeetingOrder(Key.DATE_START, false);

    /** The summary attributes a listing may be ordered on, by wire name. */
    public enum Key {
        DATE_START("date_start"),
        DATE_STOP("date_stop"),
        LEGS("legs"),
        MEETING_SID("meeting_sid"),
        MINUTES("minutes"),
        PEAK_CONCURRENT_LEGS("peak_concurrent_legs");

        private final String wireName;

        Key(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
