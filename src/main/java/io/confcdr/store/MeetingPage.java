package io.confcdr.store;

import io.confcdr.model.Cdr;
import java.util.List;

/**
 * One page of a meeting listing: each meeting's visible legs (never empty), meetings in the requested
 * order. {@code hasNext}: more meetings follow the last one.
 */
public record MeetingPage(List<List<Cdr>> meetings, boolean hasNext) {

    public MeetingPage {
        meetings = meetings.stream().map(List::copyOf).toList();
    }
}
