package io.confcdr.api;

import io.confcdr.meeting.Meeting;
import io.confcdr.model.MeetingSummary;
import io.confcdr.model.Cdr;
import io.confcdr.model.CdrJson;
import io.confcdr.model.FieldSelection;
import io.confcdr.model.Timestamps;
import tools.jackson.core.JsonGenerator;

/**
 * A meeting on the wire, keys in alphabetical order like every confcdr response: the summary's attributes,
 * and for a single meeting its legs as {@code items} (between {@code hosts} and {@code legs}).
 */
final class MeetingJson {

    private MeetingJson() {
    }

    static void writeSummary(JsonGenerator out, MeetingSummary summary) {
        write(out, summary, null, null);
    }

    static void writeMeeting(JsonGenerator out, Meeting meeting, FieldSelection fields) {
        write(out, meeting.summary(), meeting, fields);
    }

    private static void write(JsonGenerator out, MeetingSummary summary, Meeting meeting, FieldSelection fields) {
        out.writeStartObject();
        out.writeStringProperty("date_start", Timestamps.format(summary.dateStart()));
        out.writeStringProperty("date_stop", Timestamps.format(summary.dateStop()));
        out.writeStringProperty("duration", summary.duration().toWire());
        out.writeNumberProperty("hosts", summary.hosts());
        if (meeting != null) {
            out.writeArrayPropertyStart("items");
            for (Cdr leg : meeting.legs()) {
                CdrJson.write(out, leg, fields);
            }
            out.writeEndArray();
        }
        out.writeNumberProperty("legs", summary.legs());
        out.writeStringProperty("meeting_room_sid", summary.meetingRoomSid());
        out.writeStringProperty("meeting_sid", summary.meetingSid());
        out.writeStringProperty("minutes", summary.minutes().toPlainString());
        out.writeNumberProperty("participants", summary.participants());
        out.writeStringProperty("partner_sid", summary.partnerSid());
        out.writeNumberProperty("peak_concurrent_legs", summary.peakConcurrentLegs());
        out.writeEndObject();
    }
}
