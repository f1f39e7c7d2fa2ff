package io.confcdr.ingest;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.FieldType;
import io.confcdr.model.Seconds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns one record's JSON into a {@link Cdr}, or into every reason it cannot be one. Checks types,
 * enumerations, length bounds and the date invariants of a call leg, and fills in durations the sender
 * left out. Partner checks need the store and happen in {@link Ingestor}.
 */
final class RecordValidator {

    /** The dates that describe one call leg, in the order of the leg's life. */
    private static final List<CdrField> TIMELINE =
            List.of(CdrField.DATE_START, CdrField.DATE_STOP, CdrField.DATE_JOIN, CdrField.DATE_DISCONNECTED);

    /** Every attribute a sender supplies, in the order its reasons are reported (see {@link #reportingOrder}). */
    private static final CdrField[] SENT = reportingOrder();

    private static final int FIELD_COUNT = CdrField.values().length;

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

        Object[] values = new Object[FIELD_COUNT];
        for (CdrField field : SENT) {
            values[field.ordinal()] = in.read(field);
        }
        String callSid = (String) values[CdrField.CALL_SID.ordinal()];
        Instant start = (Instant) values[CdrField.DATE_START.ordinal()];
        Instant stop = (Instant) values[CdrField.DATE_STOP.ordinal()];
        Instant join = (Instant) values[CdrField.DATE_JOIN.ordinal()];
        Instant disconnected = (Instant) values[CdrField.DATE_DISCONNECTED.ordinal()];

        checkDates(in, start, stop, join, disconnected);
        if (!errors.isEmpty()) {
            // Only a well-formed call_sid is named, so a huge or garbled value is never echoed back.
            return new Result.Invalid(callSid, errors);
        }
        if (in.isAbsent(CdrField.DURATION.wireName())) {
            values[CdrField.DURATION.ordinal()] = between(start, stop);
        }
        if (in.isAbsent(CdrField.DURATION_MEETING.wireName())) {
            values[CdrField.DURATION_MEETING.ordinal()] = join == null ? Seconds.ZERO : between(join, disconnected);
        }
        return new Result.Valid(Cdr.fromValues(values));
    }

    /**
     * The order reasons have always been listed in, which clients may show as is: call_sid (which names the
     * rejection), the timeline, the other sent attributes in {@link CdrField} order, and last the durations,
     * which may be left to be computed from the timeline.
     */
    private static CdrField[] reportingOrder() {
        List<CdrField> order = new ArrayList<>();
        order.add(CdrField.CALL_SID);
        order.addAll(TIMELINE);
        for (CdrField field : CdrField.values()) {
            if (!order.contains(field) && !field.isSetByConfcdr() && field.type() != FieldType.SECONDS) {
                order.add(field);
            }
        }
        for (CdrField field : CdrField.values()) {
            if (field.type() == FieldType.SECONDS) {
                order.add(field);
            }
        }
        return order.toArray(CdrField[]::new);
    }

    private static void rejectUnknownAttributes(JsonNode json, List<IngestReport.Reason> errors) {
        for (Map.Entry<String, JsonNode> property : json.properties()) {
            String name = property.getKey();
            CdrField field = CdrField.byWireName(name).orElse(null);
            if (field == null) {
                errors.add(new IngestReport.Reason(abbreviate(name), "unknown attribute"));
            } else if (field.isSetByConfcdr()) {
                errors.add(new IngestReport.Reason(name, "is set by confcdr when the record is stored and must not be sent"));
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
