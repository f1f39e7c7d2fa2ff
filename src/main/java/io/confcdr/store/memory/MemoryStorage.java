package io.confcdr.store.memory;

import io.confcdr.store.CdrStore;
import io.confcdr.store.ErasureStore;
import io.confcdr.store.MeetingStore;
import io.confcdr.store.PartnerStore;
import io.confcdr.store.PushStore;
import io.confcdr.store.RetentionStore;
import io.confcdr.store.SourceStore;
import io.confcdr.store.Storage;
import io.confcdr.store.TokenStore;
import java.time.Clock;

/** Everything in the heap: the reference the SQL stores are checked against, and a fast test double. */
public final class MemoryStorage implements Storage {

    private final MemoryCdrStore cdrs;
    private final MemoryPartnerStore partners;
    private final MemoryTokenStore tokens = new MemoryTokenStore();
    private final MemoryMeetingStore meetings;
    private final MemoryPushStore push;
    private final MemorySourceStore sources;
    private final MemoryErasureStore erasures;

    public MemoryStorage(Clock clock) {
        this.cdrs = new MemoryCdrStore(clock);
        this.partners = new MemoryPartnerStore(cdrs, tokens);
        cdrs.refusePartnersWhere(partners::wasDeleted);
        this.meetings = new MemoryMeetingStore(cdrs::snapshot);
        this.push = new MemoryPushStore(cdrs);
        this.sources = new MemorySourceStore(cdrs, clock);
        this.erasures = new MemoryErasureStore(cdrs);
    }

    @Override
    public CdrStore cdrs() {
        return cdrs;
    }

    @Override
    public PartnerStore partners() {
        return partners;
    }

    @Override
    public MeetingStore meetings() {
        return meetings;
    }

    @Override
    public SourceStore sources() {
        return sources;
    }

    public ErasureStore erasures() {
        return erasures;
    }

    @Override
    public RetentionStore retention() {
        return (partnerSids, cutoff, maxRows) -> cdrs.purge(
                cdr -> partnerSids.contains(cdr.partnerSid()) && cdr.dateStop().isBefore(cutoff), maxRows);
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public PushStore push() {
        return push;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void close() {
    }
}
