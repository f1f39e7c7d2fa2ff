package io.confcdr.meeting;

import io.confcdr.model.MeetingSummary;
import io.confcdr.auth.Caller;
import io.confcdr.model.Cdr;
import io.confcdr.query.MeetingQuery;
import io.confcdr.query.Visibility;
import io.confcdr.read.CdrReads;
import io.confcdr.store.MeetingPage;
import io.confcdr.store.MeetingStore;
import java.util.List;
import java.util.Optional;

/**
 * Meetings, derived from the legs sharing a meeting_sid. Reading them needs what reading CDRs needs
 * ({@code app.read} or {@code app.manage}) and sees what the list route sees: a meeting is made of the
 * caller's visible legs only, and one with none visible does not exist for it.
 */
public final class Meetings {

    private final MeetingStore store;
    private final CdrReads reads;

    public Meetings(MeetingStore store, CdrReads reads) {
        this.store = store;
        this.reads = reads;
    }

    /**
     * What {@code caller} may read, decided once per request, before its parameters are looked at.
     *
     * @throws io.confcdr.auth.ForbiddenException without a reading scope
     */
    public Reader readerFor(Caller caller) {
        return new Reader(reads.readerFor(caller).visibility());
    }

    /** Meeting reads confined to one caller's visibility. */
    public final class Reader {

        private final Visibility visibility;

        private Reader(Visibility visibility) {
            this.visibility = visibility;
        }

        /** The meeting made of the caller's visible legs; empty when it has none (missing or invisible alike). */
        public Optional<Meeting> find(String meetingSid) {
            List<Cdr> legs = store.legs(meetingSid, visibility);
            return legs.isEmpty() ? Optional.empty() : Optional.of(new Meeting(MeetingSummary.of(meetingSid, legs), legs));
        }

        /** A page of the meetings with a visible leg matching the filter, each summarised over all its visible legs. */
        public MeetingList list(MeetingQuery query) {
            MeetingPage page = store.page(query, visibility);
            List<MeetingSummary> items = page.meetings().stream()
                    .map(legs -> MeetingSummary.of(legs.getFirst().meetingSid(), legs))
                    .toList();
            return new MeetingList(query, items, page.hasNext());
        }
    }
}
