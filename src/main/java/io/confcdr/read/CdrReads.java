package io.confcdr.read;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.model.Cdr;
import io.confcdr.model.EncodedCdr;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.CdrScan;
import io.confcdr.query.Visibility;
import io.confcdr.store.CdrStore;
import io.confcdr.store.Page;
import io.confcdr.store.PartnerStore;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reading CDRs: one by call_sid, or a page of a listing. Needs {@code app.read} or {@code app.manage}; a
 * caller sees its own partner's records (its whole subtree with {@code app.read_descendant}), and a record
 * it cannot see is answered exactly like one that does not exist.
 */
public final class CdrReads {

    private final CdrStore cdrs;
    private final PartnerStore partners;

    public CdrReads(CdrStore cdrs, PartnerStore partners) {
        this.cdrs = cdrs;
        this.partners = partners;
    }

    /**
     * What {@code caller} may read, decided once per request, before its parameters are looked at.
     *
     * @throws io.confcdr.auth.ForbiddenException without a reading scope
     */
    public Reader readerFor(Caller caller) {
        caller.requireAnyScope(Scopes.APP_READ, Scopes.APP_MANAGE);
        return new Reader(caller.readVisibility(partners));
    }

    /** Reads confined to one caller's visibility. */
    public final class Reader {

        private final Visibility visibility;

        private Reader(Visibility visibility) {
            this.visibility = visibility;
        }

        public Visibility visibility() {
            return visibility;
        }

        public Optional<Cdr> find(String callSid) {
            return cdrs.find(callSid, visibility);
        }

        /** @throws io.confcdr.store.UnknownCursorException when the cursor names no record the caller can see */
        public Page list(CdrQuery query) {
            return cdrs.list(query, visibility);
        }

        /**
         * Every record of the scan, handed to {@code sink} as the store reads it.
         *
         * @throws io.confcdr.store.UnknownCursorException before any record, when the cursor names no record
         *         the caller can see
         */
        public void scan(CdrScan scan, Consumer<Cdr> sink) {
            cdrs.scan(scan, visibility, sink);
        }

        /** {@link #scan} with each record as the store read it, for writing it out ({@link EncodedCdr}). */
        public void scanEncoded(CdrScan scan, Consumer<EncodedCdr> sink) {
            cdrs.scanEncoded(scan, visibility, sink);
        }
    }
}
