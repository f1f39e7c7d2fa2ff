package io.confcdr.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The 27 attributes of a conference CDR, declared in alphabetical order of their wire names:
 * {@code values()} is the order in which they are written. Every layer (query grammar, SQL columns,
 * JSON writer, field filtering) works from this one list.
 */
public enum CdrField {
    ADDRESS_DST(FieldType.TEXT, Cdr::addressDst),
    ADDRESS_SRC(FieldType.TEXT, Cdr::addressSrc),
    AUDIO_KEY(FieldType.TEXT, Cdr::audioKey),
    BRIDGE(FieldType.TEXT, Cdr::bridge),
    CALL_SID(FieldType.TEXT, Cdr::callSid),
    CUSTOM_CALL_TYPE(FieldType.TEXT, Cdr::customCallType),
    CUSTOM_NAME(FieldType.TEXT, Cdr::customName),
    DATE_DISCONNECTED(FieldType.INSTANT, Cdr::dateDisconnected),
    DATE_INSERT(FieldType.INSTANT, Cdr::dateInsert),
    DATE_JOIN(FieldType.INSTANT, Cdr::dateJoin),
    DATE_START(FieldType.INSTANT, Cdr::dateStart),
    DATE_STOP(FieldType.INSTANT, Cdr::dateStop),
    DIRECTION(FieldType.TEXT, Cdr::direction),
    DISCONNECT_CAUSE(FieldType.INTEGER, Cdr::disconnectCause),
    DISCONNECT_ORIGINATOR(FieldType.TEXT, Cdr::disconnectOriginator),
    DISCONNECT_REASON(FieldType.TEXT, Cdr::disconnectReason),
    DURATION(FieldType.SECONDS, Cdr::duration),
    DURATION_MEETING(FieldType.SECONDS, Cdr::durationMeeting),
    ENDPOINT_SID(FieldType.TEXT, Cdr::endpointSid),
    MEETING_ROOM_SID(FieldType.TEXT, Cdr::meetingRoomSid),
    MEETING_SID(FieldType.TEXT, Cdr::meetingSid),
    NODE(FieldType.TEXT, Cdr::node),
    NUMBER_DST(FieldType.TEXT, Cdr::numberDst),
    NUMBER_SRC(FieldType.TEXT, Cdr::numberSrc),
    PARTNER_SID(FieldType.TEXT, Cdr::partnerSid),
    ROLE(FieldType.TEXT, Cdr::role),
    USER_AGENT(FieldType.TEXT, Cdr::userAgent);

    private static final Map<String, CdrField> BY_WIRE_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(CdrField::wireName, Function.identity()));

    private final FieldType type;
    private final Function<Cdr, Object> getter;
    private final String wireName;

    CdrField(FieldType type, Function<Cdr, Object> getter) {
        this.type = type;
        this.getter = getter;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    /** The attribute name as it appears in JSON, filters and {@code include_fields}. */
    public String wireName() {
        return wireName;
    }

    public FieldType type() {
        return type;
    }

    /**
     * The attribute's value in its model type: {@code String}, {@code Instant}, {@code Seconds} or
     * {@code Integer}; null when unknown.
     */
    public Object get(Cdr cdr) {
        return getter.apply(cdr);
    }

    /** Looks an attribute up by its exact wire name (attribute names are case-sensitive, as in CarrierX). */
    public static Optional<CdrField> byWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
