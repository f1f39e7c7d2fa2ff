package io.confcdr.ingest;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.store.PartnerStore;
import io.confcdr.store.SourceStore;
import io.confcdr.store.SourceStore.SourceState;
import java.util.List;

/**
 * What each ingest source has sent: the use case behind {@code GET /ingest/v1/sources}. A source belongs
 * to the partner of the token that sent its batches; a token with {@code cdr.ingest} sees the sources of
 * its partner and of the partner's descendants (the partners it may ingest for), the operator every source.
 */
public final class SourceSequences {

    private final SourceStore sources;
    private final PartnerStore partners;

    public SourceSequences(SourceStore sources, PartnerStore partners) {
        this.sources = sources;
        this.partners = partners;
    }

    /**
     * The sources {@code caller} may see, by name, then owning partner.
     *
     * @throws io.confcdr.auth.ForbiddenException unless {@code caller} holds {@code cdr.ingest}
     */
    public List<SourceState> list(Caller caller) {
        caller.requireAnyScope(Scopes.CDR_INGEST);
        return switch (caller) {
            case Caller.Bearer bearer -> sources.list(partners.subtree(bearer.partnerSid()));
            case Caller.Operator operator -> sources.list(null);
        };
    }

    /** The owner a batch from {@code caller} is recorded under. */
    static String ownerOf(Caller caller) {
        return switch (caller) {
            case Caller.Bearer bearer -> bearer.partnerSid();
            case Caller.Operator operator -> SourceStore.OPERATOR;
        };
    }
}
