package io.confcdr.api;

import io.confcdr.meeting.Meeting;
import io.confcdr.meeting.MeetingList;
import io.confcdr.model.MeetingSummary;
import io.confcdr.meeting.Meetings;
import io.confcdr.model.FieldSelection;
import io.confcdr.query.ListRequestParser;
import io.confcdr.query.MeetingQuery;
import io.confcdr.query.MeetingRequestParser;
import io.confcdr.query.Parameters;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /core/v2/app/conference/meetings} and {@code GET /core/v2/app/conference/meetings/{meeting_sid}}:
 * meetings derived from the legs the caller can see; who sees what is {@link Meetings}'s.
 */
final class MeetingRoutes implements Routes {

    static final String LIST_PATH = "/core/v2/app/conference/meetings";
    static final String MEETING_PATH = LIST_PATH + "/{meeting_sid}";

    private final Meetings meetings;
    private final RequestAuth auth;
    private final BaseUrl baseUrl;

    MeetingRoutes(Meetings meetings, RequestAuth auth, BaseUrl baseUrl) {
        this.meetings = meetings;
        this.auth = auth;
        this.baseUrl = baseUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(LIST_PATH, this::listMeetings);
        routes.get(MEETING_PATH, this::getMeeting);
    }

    void getMeeting(Context ctx) {
        Meetings.Reader reader = meetings.readerFor(auth.authenticate(ctx));
        Map<String, List<String>> params = QueryParams.of(ctx, Set.of("filter", "order", "limit", "offset", "include_fields", "exclude_fields"));
        FieldSelection fields = ListRequestParser.fieldSelection(
                Parameters.single(params, "include_fields"), Parameters.single(params, "exclude_fields"));
        Meeting meeting = reader.find(ctx.pathParam("meeting_sid")).orElseThrow(MeetingRoutes::meetingNotFound);
        JsonOutput.write(ctx, 200, out -> MeetingJson.writeMeeting(out, meeting, fields));
    }

    void listMeetings(Context ctx) {
        Meetings.Reader reader = meetings.readerFor(auth.authenticate(ctx));
        Map<String, List<String>> params = QueryParams.of(ctx, Set.of("filter", "order", "limit", "offset", "include_fields", "exclude_fields"));
        MeetingQuery query = MeetingRequestParser.parse(params);
        MeetingList list = reader.list(query);
        String url = baseUrl.of(ctx) + LIST_PATH;
        String next = list.hasNext() ? link(url, params, query, query.offset() + query.limit()) : null;
        String previous = list.hasPrevious() ? link(url, params, query, Math.max(0, query.offset() - query.limit())) : null;
        JsonOutput.write(ctx, 200, out -> {
            out.writeStartObject();
            out.writeNumberProperty("count", list.items().size());
            out.writeBooleanProperty("has_more", list.hasNext());
            out.writeArrayPropertyStart("items");
            for (MeetingSummary summary : list.items()) {
                MeetingJson.writeSummary(out, summary);
            }
            out.writeEndArray();
            out.writeNumberProperty("limit", query.limit());
            out.writeNumberProperty("offset", query.offset());
            out.writeObjectPropertyStart("pagination");
            if (next != null) {
                out.writeStringProperty("next", next);
            }
            if (previous != null) {
                out.writeStringProperty("previous", previous);
            }
            out.writeEndObject();
            out.writeNullProperty("total");
            out.writeEndObject();
        });
    }

    /** The same listing at another offset: filter and order carried over, the effective limit stated. */
    private static String link(String url, Map<String, List<String>> params, MeetingQuery query, int offset) {
        List<String> pairs = new ArrayList<>();
        for (String name : List.of("filter", "order")) {
            String value = Parameters.single(params, name);
            if (value != null) {
                pairs.add(name + "=" + PageLinks.encode(value));
            }
        }
        pairs.add("limit=" + query.limit());
        pairs.add("offset=" + offset);
        return url + "?" + String.join("&", pairs);
    }

    /** A meeting none of whose legs the caller can see is answered exactly like one that does not exist. */
    static ApiError meetingNotFound() {
        return new ApiError(404, ApiError.CANNOT_FIND_ITEM,
                List.of(new ErrorBody.Detail("meeting_sid", ApiError.CANNOT_FIND_ITEM)));
    }
}
