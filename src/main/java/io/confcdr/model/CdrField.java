package io.confcdr.model;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The 27 attributes of a conference CDR, declared in alphabetical order of their wire names:
 * {@code values()} is the order in which they are written, and the order of {@link Cdr}'s components.
 * Every layer (ingest rules, query grammar, SQL columns, JSON writer, field filtering) works from this
 * one list: each attribute carries its type, what ingest accepts for it and who sets it.
 */
public enum CdrField {
    ADDRESS_DST(Cdr::addressDst, Rules.longText()),
    ADDRESS_SRC(Cdr::addressSrc, Rules.longText()),
    AUDIO_KEY(Cdr::audioKey, Rules.longText()),
    BRIDGE(Cdr::bridge, Rules.shortText()),
    CALL_SID(Cdr::callSid, Rules.sid().required()),
    CUSTOM_CALL_TYPE(Cdr::customCallType, Rules.oneOf("dc", "foreign", "private_asd", "private_call", "recording")),
    CUSTOM_NAME(Cdr::customName, Rules.longText()),
    DATE_DISCONNECTED(Cdr::dateDisconnected, Rules.instant()),
    DATE_INSERT(Cdr::dateInsert, Rules.instant().setByConfcdr()),
    DATE_JOIN(Cdr::dateJoin, Rules.instant()),
    DATE_START(Cdr::dateStart, Rules.instant().required()),
    DATE_STOP(Cdr::dateStop, Rules.instant().required()),
    DIRECTION(Cdr::direction, Rules.oneOf("inbound", "outbound")),
    DISCONNECT_CAUSE(Cdr::disconnectCause, Rules.integer()),
    DISCONNECT_ORIGINATOR(Cdr::disconnectOriginator, Rules.oneOf("src", "bridge")),
    DISCONNECT_REASON(Cdr::disconnectReason, Rules.longText()),
    DURATION(Cdr::duration, Rules.seconds()),
    DURATION_MEETING(Cdr::durationMeeting, Rules.seconds()),
    ENDPOINT_SID(Cdr::endpointSid, Rules.idText()),
    MEETING_ROOM_SID(Cdr::meetingRoomSid, Rules.idText()),
    MEETING_SID(Cdr::meetingSid, Rules.idText()),
    NODE(Cdr::node, Rules.shortText()),
    NUMBER_DST(Cdr::numberDst, Rules.shortText()),
    NUMBER_SRC(Cdr::numberSrc, Rules.shortText()),
    PARTNER_SID(Cdr::partnerSid, Rules.sid().required()),
    ROLE(Cdr::role, Rules.oneOf("host", "participant", "listener")),
    USER_AGENT(Cdr::userAgent, Rules.longText());

    private static final Map<String, CdrField> BY_WIRE_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(CdrField::wireName, Function.identity()));

    private final Function<Cdr, Object> getter;
    private final String wireName;
    private final FieldType type;
    private final int maxLength;
    private final boolean required;
    private final boolean sid;
    private final SortedSet<String> allowedValues;
    private final boolean setByConfcdr;

    CdrField(Function<Cdr, Object> getter, Rules rules) {
        this.getter = getter;
        this.wireName = name().toLowerCase(Locale.ROOT);
        this.type = rules.type;
        this.maxLength = rules.maxLength;
        this.required = rules.required;
        this.sid = rules.sid;
        this.allowedValues = rules.allowedValues;
        this.setByConfcdr = rules.setByConfcdr;
    }

    /** The attribute name as it appears in JSON, filters and {@code include_fields}. */
    public String wireName() {
        return wireName;
    }

    public FieldType type() {
        return type;
    }

    /**
     * The longest value ingest accepts, in code points, for attributes that arrive as JSON strings
     * ({@link FieldType#TEXT} and {@link FieldType#INSTANT}, whose ISO-8601 text is bounded too); zero for
     * numbers.
     */
    public int maxLength() {
        return maxLength;
    }

    /** Whether a sender must supply the attribute (non-null, and non-empty for text). */
    public boolean isRequired() {
        return required;
    }

    /**
     * Whether ingest holds the value to the character rules of {@link Sids}. Only call_sid and
     * partner_sid are: they travel in URL paths and cursors. The other {@code *_sid} attributes are
     * bounded text, as bridges have always been allowed to send them.
     */
    public boolean isSid() {
        return sid;
    }

    /** Whether the attribute is an enumeration, whose values are {@link #allowedValues()}. */
    public boolean isEnumerated() {
        return !allowedValues.isEmpty();
    }

    /** The values an enumerated attribute may take, in alphabetical order; empty for free-form attributes. */
    public SortedSet<String> allowedValues() {
        return allowedValues;
    }

    /** Whether confcdr sets the value when it stores a record (date_insert): a sender must not send it. */
    public boolean isSetByConfcdr() {
        return setByConfcdr;
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

    /** One attribute's declaration, written as a chain next to its name above. */
    private static final class Rules {

        /** Enumeration values and ISO-8601 dates are short; the bound stops a huge string before it is parsed. */
        private static final int ENUMERATION_MAX_LENGTH = 64;
        private static final int INSTANT_MAX_LENGTH = 64;
        private static final int SHORT_TEXT_MAX_LENGTH = 256;
        private static final int LONG_TEXT_MAX_LENGTH = 1024;

        private final FieldType type;
        private final int maxLength;
        private final boolean required;
        private final boolean sid;
        private final SortedSet<String> allowedValues;
        private final boolean setByConfcdr;

        private Rules(FieldType type, int maxLength, boolean required, boolean sid, SortedSet<String> allowedValues,
                boolean setByConfcdr) {
            this.type = type;
            this.maxLength = maxLength;
            this.required = required;
            this.sid = sid;
            this.allowedValues = allowedValues;
            this.setByConfcdr = setByConfcdr;
        }

        private static Rules of(FieldType type, int maxLength) {
            return new Rules(type, maxLength, false, false, Collections.emptySortedSet(), false);
        }

        /** Names and addresses: bridge, node, numbers. */
        static Rules shortText() {
            return of(FieldType.TEXT, SHORT_TEXT_MAX_LENGTH);
        }

        /** SIP addresses, user agents and other free text. */
        static Rules longText() {
            return of(FieldType.TEXT, LONG_TEXT_MAX_LENGTH);
        }

        /** An identifier kept as sent: sid-sized, any characters. */
        static Rules idText() {
            return of(FieldType.TEXT, Sids.MAX_LENGTH);
        }

        /** An identifier that must obey {@link Sids}. */
        static Rules sid() {
            return new Rules(FieldType.TEXT, Sids.MAX_LENGTH, false, true, Collections.emptySortedSet(), false);
        }

        static Rules oneOf(String... values) {
            return new Rules(FieldType.TEXT, ENUMERATION_MAX_LENGTH, false, false,
                    Collections.unmodifiableSortedSet(new TreeSet<>(List.of(values))), false);
        }

        static Rules instant() {
            return of(FieldType.INSTANT, INSTANT_MAX_LENGTH);
        }

        static Rules integer() {
            return of(FieldType.INTEGER, 0);
        }

        static Rules seconds() {
            return of(FieldType.SECONDS, 0);
        }

        Rules required() {
            return new Rules(type, maxLength, true, sid, allowedValues, setByConfcdr);
        }

        Rules setByConfcdr() {
            return new Rules(type, maxLength, required, sid, allowedValues, true);
        }
    }
}
