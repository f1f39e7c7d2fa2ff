package io.confcdr.meeting;

import io.confcdr.model.MeetingSummary;
import io.confcdr.query.MeetingQuery;
import java.util.List;

/** One page of meeting summaries, in the query's order; {@code hasNext} when more meetings follow. */
public record MeetingList(MeetingQuery query, List<MeetingSummary> items, boolean hasNext) {

    public MeetingList {
        items = List.copyOf(items);
    }

    /** Meetings precede this page: it starts past the first one. */
    public boolean hasPrevious() {
        return query.offset() > 0;
    }
}
