package io.confcdr.api;

import io.confcdr.model.FieldSelection;
import io.confcdr.push.ResumeToken;
import io.confcdr.query.Filter;
import io.confcdr.query.ListRequest;
import io.confcdr.query.ListRequestParser;
import io.confcdr.query.QueryException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code GET …/calls/stream}: filter and field selection exactly as the list route reads them
 * (same parser, same messages), and where to resume. {@code resumeAfter} is the call_sid a resume token
 * names, null to start now; {@code resumeFrom} names what it came from ({@code Last-Event-ID} or
 * {@code after}) for the error a bad one gets.
 */
record StreamRequest(Filter filter, FieldSelection fields, String resumeAfter, String resumeFrom) {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    static final String NOT_AN_EVENT_ID =
            "is not the id of an event this token received; resume with the id: of the last event received";

    /** The list route's parameters that mean something to a stream; order, limit and the rest are ignored. */
    private static final Set<String> PARAMETERS = Set.of("filter", "include_fields", "exclude_fields", "after");

    /**
     * @param lastEventId the {@code Last-Event-ID} header, or null. It wins over {@code after}: a browser's
     *     EventSource opened with {@code ?after=} reconnects to the same URL with the header, further on.
     */
    static StreamRequest parse(Map<String, List<String>> params, String lastEventId) {
        Map<String, List<String>> known = new HashMap<>();
        PARAMETERS.forEach(name -> {
            if (params.containsKey(name)) {
                known.put(name, params.get(name));
            }
        });
        ListRequest parsed = ListRequestParser.parse(known);
        String token = lastEventId == null || lastEventId.isBlank() ? null : lastEventId.strip();
        String from = LAST_EVENT_ID;
        if (token == null && parsed.query().cursor() != null) {
            token = parsed.query().cursor().callSid();
            from = "after";
        }
        if (token == null) {
            return new StreamRequest(parsed.query().filter(), parsed.fields(), null, null);
        }
        String source = from;
        String callSid = ResumeToken.callSid(token).orElseThrow(() -> notAnEventId(source));
        return new StreamRequest(parsed.query().filter(), parsed.fields(), callSid, source);
    }

    static QueryException notAnEventId(String from) {
        return new QueryException(from, from + " " + NOT_AN_EVENT_ID);
    }
}
