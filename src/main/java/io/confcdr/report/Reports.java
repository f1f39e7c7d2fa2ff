package io.confcdr.report;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.query.Visibility;
import io.confcdr.store.CdrStore;
import io.confcdr.store.PartnerStore;
import java.util.List;

/**
 * Usage and concurrency reports over the legs a caller can read: the same scopes ({@code app.read} or
 * {@code app.manage}) and visibility as the list route, and the same filter. Every number is computed
 * over exactly the legs the list route returns for that filter and caller.
 */
public final class Reports {

    private final CdrStore cdrs;
    private final PartnerStore partners;

    public Reports(CdrStore cdrs, PartnerStore partners) {
        this.cdrs = cdrs;
        this.partners = partners;
    }

    /**
     * What {@code caller} may report on, decided once per request before its parameters are looked at
     * (as the list route does, so that a token without the scope learns nothing from a 400).
     *
     * @throws io.confcdr.auth.ForbiddenException without a reading scope
     */
    public Reader readerFor(Caller caller) {
        caller.requireAnyScope(Scopes.APP_READ, Scopes.APP_MANAGE);
        return new Reader(caller.readVisibility(partners));
    }

    /** Reports confined to one caller's visibility. */
    public final class Reader {

        private final Visibility visibility;

        private Reader(Visibility visibility) {
            this.visibility = visibility;
        }

        /** The usage rows, ordered by the group keys. */
        public List<UsageRow> usage(UsageQuery query) {
            var report = new UsageReport(query, new RollupRows(partners, visibility));
            VisibleLegs.forEach(cdrs, query.filter(), visibility, report::add);
            return report.rows();
        }

        /**
         * The non-empty buckets, in time order.
         *
         * @throws io.confcdr.query.QueryException on {@code interval} when there would be too many buckets
         */
        public List<ConcurrencyBucket> concurrency(ConcurrencyQuery query) {
            var report = new ConcurrencyReport(query);
            VisibleLegs.forEach(cdrs, query.filter(), visibility, report::add);
            return report.buckets();
        }
    }
}
