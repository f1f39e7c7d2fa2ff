package io.confcdr.report;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.query.TextOrder;
import io.confcdr.query.ValueOrder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * What a usage report may group legs by: an attribute of the leg, or a calendar bucket of its date_start
 * in the report's time zone. A key's value is a {@code String}, an {@code Integer} (disconnect_cause) or
 * null; values order nulls first, numbers numerically, text by code point ({@link TextOrder}, as the list
 * route orders text), which for the calendar labels is also chronological order.
 */
public enum GroupKey {
    PARTNER_SID("partner_sid", CdrField.PARTNER_SID),
    MEETING_SID("meeting_sid", CdrField.MEETING_SID),
    MEETING_ROOM_SID("meeting_room_sid", CdrField.MEETING_ROOM_SID),
    BRIDGE("bridge", CdrField.BRIDGE),
    NODE("node", CdrField.NODE),
    DIRECTION("direction", CdrField.DIRECTION),
    ROLE("role", CdrField.ROLE),
    DISCONNECT_CAUSE("disconnect_cause", CdrField.DISCONNECT_CAUSE),
    CUSTOM_CALL_TYPE("custom_call_type", CdrField.CUSTOM_CALL_TYPE),
    /** The local wall-clock hour: in an autumn DST change the repeated hour's two real hours share one label. */
    HOUR("hour", null),
    DAY("day", null),
    MONTH("month", null);

    private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH");
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("uuuu-MM");

    /** The order of one key's values; see the class comment. */
    public static final Comparator<Object> VALUE_ORDER = ValueOrder::compareNullsFirst;

    private final String wireName;
    /** The leg's attribute this key takes its value from; null for a calendar key. */
    private final CdrField attribute;

    GroupKey(String wireName, CdrField attribute) {
        this.wireName = wireName;
        this.attribute = attribute;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<GroupKey> byWireName(String name) {
        return Arrays.stream(values()).filter(key -> key.wireName.equals(name)).findFirst();
    }

    /** This key's value for the leg, calendar buckets cut in {@code zone}. */
    public Object valueOf(Cdr cdr, ZoneId zone) {
        return attribute != null ? attribute.get(cdr) : labels(zone).labelOf(cdr.dateStart());
    }

    /** Whether the key is a calendar bucket of date_start rather than an attribute of the leg. */
    boolean calendar() {
        return attribute == null;
    }

    /** The leg's attribute this key groups by, empty for a calendar key. */
    public Optional<CdrField> attribute() {
        return Optional.ofNullable(attribute);
    }

    /** A fresh label cache for this calendar key in {@code zone}: one per report, not thread-safe. */
    CalendarLabels labels(ZoneId zone) {
        return switch (this) {
            case HOUR -> new CalendarLabels(java.time.temporal.ChronoUnit.HOURS, HOUR_LABEL, zone);
            case DAY -> new CalendarLabels(java.time.temporal.ChronoUnit.DAYS, DAY_LABEL, zone);
            case MONTH -> new CalendarLabels(java.time.temporal.ChronoUnit.MONTHS, MONTH_LABEL, zone);
            default -> throw new IllegalStateException(this + " is not a calendar key");
        };
    }
}
