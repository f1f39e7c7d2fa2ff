package io.confcdr.store;

import io.confcdr.model.Cdr;
import io.confcdr.query.MeetingQuery;
import io.confcdr.query.Visibility;
import java.util.List;

/**
 * Meetings as the store sees them: the visible legs sharing a meeting_sid. Legs without a meeting_sid
 * belong to no meeting. The numbers of a meeting are computed from its legs by the caller.
 */
public interface MeetingStore {

    /** The visible legs of the meeting, ordered by date_start, then call_sid; empty when none is visible. */
    List<Cdr> legs(String meetingSid, Visibility visibility);

    /**
     * One page of the meetings that have a visible leg matching the query's filter, in the query's order,
     * each with all its visible legs (matching or not) ordered by date_start, then call_sid.
     */
    MeetingPage page(MeetingQuery query, Visibility visibility);
}
