package io.confcdr.report;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.model.CdrField;
import io.confcdr.query.Visibility;
import io.confcdr.store.CdrStore;
import io.confcdr.store.PartnerStore;
import io.confcdr.store.UsageStore;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Usage and concurrency reports over the legs a caller can read: the same scopes ({@code app.read} or
 * {@code app.manage}) and visibility as the list route, and the same filter. Every number is computed
 * over exactly the legs the list route returns for that filter and caller.
 */
public final class Reports {

    private final CdrStore cdrs;
    private final PartnerStore partners;
    private final UsageStore usage;

    /** Reports that always scan. */
    public Reports(CdrStore cdrs, PartnerStore partners) {
        this(cdrs, partners, UsageStore.NONE);
    }

    /** Reports that answer from {@code usage}'s aggregates whenever {@link UsagePlanner} allows. */
    public Reports(CdrStore cdrs, PartnerStore partners, UsageStore usage) {
        this.cdrs = cdrs;
        this.partners = partners;
        this.usage = usage;
    }

    /** A usage report and the path that computed it. */
    public record UsageAnswer(List<UsageRow> rows, UsagePlan plan) {
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
            return usage(query, null).rows();
        }

        /**
         * The usage rows by the path {@link UsagePlanner} chooses, or by {@code forced} (tests compare both
         * paths on one query; forcing {@code AGGREGATES} where the planner refuses is an error).
         */
        public UsageAnswer usage(UsageQuery query, UsagePlan.Path forced) {
            UsagePlan plan = UsagePlanner.plan(query, usage.keepsAggregates(), usage::earliestStart);
            if (forced == UsagePlan.Path.AGGREGATES && plan.path() != UsagePlan.Path.AGGREGATES) {
                throw new IllegalArgumentException("this report cannot come from the aggregates: " + plan.reason());
            }
            if (forced == UsagePlan.Path.SCAN) {
                plan = UsagePlan.scan("asked to scan");
            }
            var report = new UsageReport(query, new RollupRows(partners, visibility));
            if (plan.path() == UsagePlan.Path.AGGREGATES) {
                usage.read(query.filter(), visibility, report::addCell, spanFields(query), report::addSpan);
            } else {
                VisibleLegs.forEach(cdrs, query.filter(), visibility, report::add);
            }
            return new UsageAnswer(report.rows(), plan);
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

    /** The leg attributes a report's group keys read from each span (the calendar keys need only date_start). */
    private static Set<CdrField> spanFields(UsageQuery query) {
        Set<CdrField> fields = EnumSet.noneOf(CdrField.class);
        query.groupBy().forEach(key -> key.attribute().ifPresent(fields::add));
        return fields;
    }
}
