package io.confcdr.meeting;

import io.confcdr.model.MeetingSummary;
import io.confcdr.model.Cdr;
import java.util.List;

/** One meeting as a caller sees it: the summary of its visible legs and those legs, by date_start then call_sid. */
public record Meeting(MeetingSummary summary, List<Cdr> legs) {

    public Meeting {
        legs = List.copyOf(legs);
    }
}
