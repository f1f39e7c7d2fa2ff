package io.confcdr.model;

import java.time.Instant;

/**
 * One conference call leg, as CarrierX defines it: 27 read-only attributes, components in the
 * alphabetical order of their wire names. Dates have millisecond precision; durations are exact
 * {@link Seconds}. {@code dateInsert} is null until a store has committed the record.
 */
public record Cdr(
        String addressDst,
        String addressSrc,
        String audioKey,
        String bridge,
        String callSid,
        String customCallType,
        String customName,
        Instant dateDisconnected,
        Instant dateInsert,
        Instant dateJoin,
        Instant dateStart,
        Instant dateStop,
        String direction,
        Integer disconnectCause,
        String disconnectOriginator,
        String disconnectReason,
        Seconds duration,
        Seconds durationMeeting,
        String endpointSid,
        String meetingRoomSid,
        String meetingSid,
        String node,
        String numberDst,
        String numberSrc,
        String partnerSid,
        String role,
        String userAgent) {

    private static final int FIELD_COUNT = 27;

    /**
     * The record whose attribute values, in {@link CdrField} order, are {@code valuesInFieldOrder}; each
     * value in its model type ({@link CdrField#get}) or null. For code that fills attributes in a loop
     * over {@code CdrField} (a database row, an ingested record).
     *
     * @throws IllegalArgumentException if there are not exactly 27 values
     * @throws ClassCastException if a value is not of its attribute's model type
     */
    public static Cdr fromValues(Object[] valuesInFieldOrder) {
        Object[] v = valuesInFieldOrder;
        if (v.length != FIELD_COUNT) {
            throw new IllegalArgumentException("expected " + FIELD_COUNT + " values, got " + v.length);
        }
        return new Cdr(
                (String) v[0],
                (String) v[1],
                (String) v[2],
                (String) v[3],
                (String) v[4],
                (String) v[5],
                (String) v[6],
                (Instant) v[7],
                (Instant) v[8],
                (Instant) v[9],
                (Instant) v[10],
                (Instant) v[11],
                (String) v[12],
                (Integer) v[13],
                (String) v[14],
                (String) v[15],
                (Seconds) v[16],
                (Seconds) v[17],
                (String) v[18],
                (String) v[19],
                (String) v[20],
                (String) v[21],
                (String) v[22],
                (String) v[23],
                (String) v[24],
                (String) v[25],
                (String) v[26]);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .addressDst(addressDst)
                .addressSrc(addressSrc)
                .audioKey(audioKey)
                .bridge(bridge)
                .callSid(callSid)
                .customCallType(customCallType)
                .customName(customName)
                .dateDisconnected(dateDisconnected)
                .dateInsert(dateInsert)
                .dateJoin(dateJoin)
                .dateStart(dateStart)
                .dateStop(dateStop)
                .direction(direction)
                .disconnectCause(disconnectCause)
                .disconnectOriginator(disconnectOriginator)
                .disconnectReason(disconnectReason)
                .duration(duration)
                .durationMeeting(durationMeeting)
                .endpointSid(endpointSid)
                .meetingRoomSid(meetingRoomSid)
                .meetingSid(meetingSid)
                .node(node)
                .numberDst(numberDst)
                .numberSrc(numberSrc)
                .partnerSid(partnerSid)
                .role(role)
                .userAgent(userAgent);
    }

    /**
     * Whether the two records carry the same attributes, date_insert aside: what makes a record sent again
     * a duplicate rather than a conflict.
     */
    public boolean sameContent(Cdr other) {
        return withDateInsert(null).equals(other.withDateInsert(null));
    }

    /** The same record as stored at {@code insertedAt}. */
    public Cdr withDateInsert(Instant insertedAt) {
        return toBuilder().dateInsert(insertedAt).build();
    }

    public static final class Builder {
        private String addressDst;
        private String addressSrc;
        private String audioKey;
        private String bridge;
        private String callSid;
        private String customCallType;
        private String customName;
        private Instant dateDisconnected;
        private Instant dateInsert;
        private Instant dateJoin;
        private Instant dateStart;
        private Instant dateStop;
        private String direction;
        private Integer disconnectCause;
        private String disconnectOriginator;
        private String disconnectReason;
        private Seconds duration;
        private Seconds durationMeeting;
        private String endpointSid;
        private String meetingRoomSid;
        private String meetingSid;
        private String node;
        private String numberDst;
        private String numberSrc;
        private String partnerSid;
        private String role;
        private String userAgent;

        private Builder() {
        }

        public Builder addressDst(String value) {
            this.addressDst = value;
            return this;
        }

        public Builder addressSrc(String value) {
            this.addressSrc = value;
            return this;
        }

        public Builder audioKey(String value) {
            this.audioKey = value;
            return this;
        }

        public Builder bridge(String value) {
            this.bridge = value;
            return this;
        }

        public Builder callSid(String value) {
            this.callSid = value;
            return this;
        }

        public Builder customCallType(String value) {
            this.customCallType = value;
            return this;
        }

        public Builder customName(String value) {
            this.customName = value;
            return this;
        }

        public Builder dateDisconnected(Instant value) {
            this.dateDisconnected = value;
            return this;
        }

        public Builder dateInsert(Instant value) {
            this.dateInsert = value;
            return this;
        }

        public Builder dateJoin(Instant value) {
            this.dateJoin = value;
            return this;
        }

        public Builder dateStart(Instant value) {
            this.dateStart = value;
            return this;
        }

        public Builder dateStop(Instant value) {
            this.dateStop = value;
            return this;
        }

        public Builder direction(String value) {
            this.direction = value;
            return this;
        }

        public Builder disconnectCause(Integer value) {
            this.disconnectCause = value;
            return this;
        }

        public Builder disconnectOriginator(String value) {
            this.disconnectOriginator = value;
            return this;
        }

        public Builder disconnectReason(String value) {
            this.disconnectReason = value;
            return this;
        }

        public Builder duration(Seconds value) {
            this.duration = value;
            return this;
        }

        public Builder durationMeeting(Seconds value) {
            this.durationMeeting = value;
            return this;
        }

        public Builder endpointSid(String value) {
            this.endpointSid = value;
            return this;
        }

        public Builder meetingRoomSid(String value) {
            this.meetingRoomSid = value;
            return this;
        }

        public Builder meetingSid(String value) {
            this.meetingSid = value;
            return this;
        }

        public Builder node(String value) {
            this.node = value;
            return this;
        }

        public Builder numberDst(String value) {
            this.numberDst = value;
            return this;
        }

        public Builder numberSrc(String value) {
            this.numberSrc = value;
            return this;
        }

        public Builder partnerSid(String value) {
            this.partnerSid = value;
            return this;
        }

        public Builder role(String value) {
            this.role = value;
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        public Cdr build() {
            return new Cdr(addressDst, addressSrc, audioKey, bridge, callSid, customCallType, customName, dateDisconnected, dateInsert, dateJoin, dateStart, dateStop, direction, disconnectCause, disconnectOriginator, disconnectReason, duration, durationMeeting, endpointSid, meetingRoomSid, meetingSid, node, numberDst, numberSrc, partnerSid, role, userAgent);
        }
    }
}
