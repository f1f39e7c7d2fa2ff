package io.confcdr.ingest;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Seconds;
import io.confcdr.model.Sids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns one record's JSON into a {@link Cdr}, or into every reason it cannot be one. Checks types,
 * enumerations, length bounds and the date invariants of a call leg, and fills in durations the sender
 * left out. Partner checks need the store and happen in {@link Ingestor}.
 */
final class RecordValidator {

    static final int MAX_SID_LENGTH = Sids.MAX_LENGTH;
    static final int MAX_SHORT_TEXT_LENGTH = 256;
    static final int MAX_TEXT_LENGTH = 1024;

    private static final Set<String> CALL_TYPES = Set.of("dc", "foreign", "private_asd", "private_call", "recording");
    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");
    private static final Set<String> ORIGINATORS = Set.of("src", "bridge");
    private static final Set<String> ROLES = Set.of("host", "participant", "listener");

    /** The outcome for one record: a normalised record, or the reasons it was refused. */
    sealed interface Result {
        record Valid(Cdr cdr) implements Result {
        }

        record Invalid(String callSid, List<IngestReport.Reason> errors) implements Result {
        }
    }

    Result validate(JsonNode json) {
        if (!json.isObject()) {
            return new Result.Invalid(null, List.of(new IngestReport.Reason(null, "a record must be a JSON object")));
        }
        List<IngestReport.Reason> errors = new ArrayList<>();
        rejectUnknownAttributes(json, errors);
        var in = new FieldReader(json, errors);

        String callSid = in.sid("call_sid", MAX_SID_LENGTH, true);
        Instant start = in.instant("date_start", true);
        Instant stop = in.instant("date_stop", true);
        Instant join = in.instant("date_join", false);
        Instant disconnected = in.instant("date_disconnected", false);
        Cdr.Builder cdr = Cdr.builder()
                .addressDst(in.text("address_dst", MAX_TEXT_LENGTH, false))
                .addressSrc(in.text("address_src", MAX_TEXT_LENGTH, false))
                .audioKey(in.text("audio_key", MAX_TEXT_LENGTH, false))
                .bridge(in.text("bridge", MAX_SHORT_TEXT_LENGTH, false))
                .callSid(callSid)
                .customCallType(in.oneOf("custom_call_type", CALL_TYPES))
                .customName(in.text("custom_name", MAX_TEXT_LENGTH, false))
                .dateDisconnected(disconnected)
                .dateJoin(join)
                .dateStart(start)
                .dateStop(stop)
                .direction(in.oneOf("direction", DIRECTIONS))
                .disconnectCause(in.integer("disconnect_cause"))
                .disconnectOriginator(in.oneOf("disconnect_originator", ORIGINATORS))
                .disconnectReason(in.text("disconnect_reason", MAX_TEXT_LENGTH, false))
                .endpointSid(in.text("endpoint_sid", MAX_SID_LENGTH, false))
                .meetingRoomSid(in.text("meeting_room_sid", MAX_SID_LENGTH, false))
                .meetingSid(in.text("meeting_sid", MAX_SID_LENGTH, false))
                .node(in.text("node", MAX_SHORT_TEXT_LENGTH, false))
                .numberDst(in.text("number_dst", MAX_SHORT_TEXT_LENGTH, false))
                .numberSrc(in.text("number_src", MAX_SHORT_TEXT_LENGTH, false))
                .partnerSid(in.sid("partner_sid", MAX_SID_LENGTH, true))
                .role(in.oneOf("role", ROLES))
                .userAgent(in.text("user_agent", MAX_TEXT_LENGTH, false));
        Seconds duration = in.seconds("duration");
        Seconds durationMeeting = in.seconds("duration_meeting");

        checkDates(in, start, stop, join, disconnected);
        if (!errors.isEmpty()) {
            // Only a well-formed call_sid is named, so a huge or garbled value is never echoed back.
            return new Result.Invalid(callSid, errors);
        }
        boolean durationGiven = !in.isAbsent("duration");
        boolean meetingGiven = !in.isAbsent("duration_meeting");
        return new Result.Valid(cdr
                .duration(durationGiven ? duration : between(start, stop))
                .durationMeeting(meetingGiven ? durationMeeting : join == null ? Seconds.ZERO : between(join, disconnected))
                .build());
    }

    private static void rejectUnknownAttributes(JsonNode json, List<IngestReport.Reason> errors) {
        for (Map.Entry<String, JsonNode> property : json.properties()) {
            String name = property.getKey();
            if (name.equals(CdrField.DATE_INSERT.wireName())) {
                errors.add(new IngestReport.Reason(name, "is set by confcdr when the record is stored and must not be sent"));
            } else if (CdrField.byWireName(name).isEmpty()) {
                errors.add(new IngestReport.Reason(abbreviate(name), "unknown attribute"));
            }
        }
    }

    /** The leg's dates must describe one call: start ≤ join ≤ disconnected ≤ stop, joined and left as a pair. */
    private static void checkDates(FieldReader in, Instant start, Instant stop, Instant join, Instant disconnected) {
        if (start != null && stop != null && stop.isBefore(start)) {
            in.reject("date_stop", "must not be before date_start");
        }
        if (disconnected != null && join == null && in.isAbsent("date_join")) {
            in.reject("date_disconnected", "must be absent when date_join is absent (a leg that never joined never left)");
        }
        if (join != null && disconnected == null && in.isAbsent("date_disconnected")) {
            in.reject("date_disconnected", "is required when date_join is set");
        }
        if (join != null && disconnected != null && disconnected.isBefore(join)) {
            in.reject("date_disconnected", "must not be before date_join");
        }
        insideCall(in, "date_join", join, start, stop);
        insideCall(in, "date_disconnected", disconnected, start, stop);
    }

    private static void insideCall(FieldReader in, String name, Instant value, Instant start, Instant stop) {
        if (value == null) {
            return;
        }
        if (start != null && value.isBefore(start)) {
            in.reject(name, "must not be before date_start");
        }
        if (stop != null && value.isAfter(stop)) {
            in.reject(name, "must not be after date_stop");
        }
    }

    private static Seconds between(Instant from, Instant to) {
        return Seconds.ofMillis(Duration.between(from, to).toMillis());
    }

    private static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "…";
    }
}
