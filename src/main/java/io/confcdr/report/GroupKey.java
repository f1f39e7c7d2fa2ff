package io.confcdr.report;

import io.confcdr.model.Cdr;
import io.confcdr.query.TextOrder;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a usage report may group legs by: an attribute of the leg, or a calendar bucket of its date_start
 * in the report's time zone. A key's value is a {@code String}, an {@code Integer} (disconnect_cause) or
 * null; values order nulls first, numbers numerically, text by code point ({@link TextOrder}, as the list
 * route orders text), which for the calendar labels is also chronological order.
 */
public enum GroupKey {
    PARTNER_SID("partner_sid", Cdr::partnerSid),
    MEETING_SID("meeting_sid", Cdr::meetingSid),
    MEETING_ROOM_SID("meeting_room_sid", Cdr::meetingRoomSid),
    BRIDGE("bridge", Cdr::bridge),
    NODE("node", Cdr::node),
    DIRECTION("direction", Cdr::direction),
    ROLE("role", Cdr::role),
    DISCONNECT_CAUSE("disconnect_cause", Cdr::disconnectCause),
    CUSTOM_CALL_TYPE("custom_call_type", Cdr::customCallType),
    /** The local wall-clock hour: in an autumn DST change the repeated hour's two real hours share one label. */
    HOUR("hour", null),
    DAY("day", null),
    MONTH("month", null);

    private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH");
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("uuuu-MM");

    /** The order of one key's values; see the class comment. */
    public static final Comparator<Object> VALUE_ORDER = Comparator.nullsFirst((a, b) -> a instanceof Integer x
            ? Integer.compare(x, (Integer) b)
            : TextOrder.compare((String) a, (String) b));

    private final String wireName;
    private final Function<Cdr, Object> attribute;

    GroupKey(String wireName, Function<Cdr, Object> attribute) {
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
        if (attribute != null) {
            return attribute.apply(cdr);
        }
        ZonedDateTime local = cdr.dateStart().atZone(zone);
        return switch (this) {
            case HOUR -> HOUR_LABEL.format(local);
            case DAY -> DAY_LABEL.format(local);
            case MONTH -> MONTH_LABEL.format(local);
            default -> throw new AssertionError(this);
        };
    }
}
