package io.confcdr.report;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.model.CdrField;
import io.confcdr.query.Visibility;
import io.confcdr.store.CdrStore;
import io.confcdr.store.PartnerStore;
import io.confcdr.model.Partner;
import io.confcdr.store.SummaryStore;
import io.confcdr.store.UsageStore;
import java.util.HashSet;
import java.util.Map;
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
    private final SummaryStore summaries;

    /** Reports that always scan. */
    public Reports(CdrStore cdrs, PartnerStore partners) {
        this(cdrs, partners, UsageStore.NONE, SummaryStore.NONE);
    }

    /**
     * Reports that answer from {@code summaries} or {@code usage}'s aggregates whenever {@link UsagePlanner}
     * allows.
     */
    public Reports(CdrStore cdrs, PartnerStore partners, UsageStore usage, SummaryStore summaries) {
        this.cdrs = cdrs;
        this.partners = partners;
        this.usage = usage;
        this.summaries = summaries;
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
            // The tree is looked at only for a report the summaries could answer at all.
            UsagePlan plan = UsagePlanner.plan(query, usage.keepsAggregates(), summaries.keepsSummaries(), usage::earliestStart);
            String root = plan.path() == UsagePlan.Path.SUMMARIES ? wholeSubtreeRoot() : null;
            if (plan.path() == UsagePlan.Path.SUMMARIES && root == null) {
                plan = UsagePlanner.plan(query, usage.keepsAggregates(), false, usage::earliestStart);
            }
            if (forced != null) {
                plan = forced(plan, forced);
            }
            if (plan.path() == UsagePlan.Path.SUMMARIES) {
                return new UsageAnswer(fromSummaries(query, root), plan);
            }
            var report = new UsageReport(query, new RollupRows(partners, visibility));
            if (plan.path() == UsagePlan.Path.AGGREGATES) {
                usage.read(query.filter(), visibility, report::addCell, spanFields(query), report::addSpan);
            } else {
                VisibleLegs.forEach(cdrs, query.filter(), visibility, report::add);
            }
            return new UsageAnswer(report.rows(), plan);
        }

        private static UsagePlan forced(UsagePlan chosen, UsagePlan.Path forced) {
            return switch (forced) {
                case SCAN -> UsagePlan.scan("asked to scan");
                case AGGREGATES -> {
                    if (chosen.path() == UsagePlan.Path.SCAN) {
                        throw new IllegalArgumentException("this report cannot come from the aggregates: " + chosen.reason());
                    }
                    yield new UsagePlan(UsagePlan.Path.AGGREGATES, "asked to use the aggregates");
                }
                case SUMMARIES -> {
                    if (chosen.path() != UsagePlan.Path.SUMMARIES) {
                        throw new IllegalArgumentException("this report cannot come from the summaries: " + chosen.reason());
                    }
                    yield chosen;
                }
            };
        }

        /**
         * The root of the visible partners when they are exactly its subtree (what the summaries are kept
         * for), else null.
         */
        private String wholeSubtreeRoot() {
            Set<String> visible = visibility.partnerSids();
            if (visible.isEmpty()) {
                return null;
            }
            String root = visible.iterator().next();
            Set<String> seen = new HashSet<>();
            while (seen.add(root)) {
                String parent = partners.find(root).map(Partner::parentSid).orElse(null);
                if (parent == null || !visible.contains(parent)) {
                    break;
                }
                root = parent;
            }
            return partners.subtree(root).equals(visible) ? root : null;
        }

        private List<UsageRow> fromSummaries(UsageQuery query, String root) {
            Map<String, Set<String>> subtrees = query.rollupTree() ? Subtrees.of(partners.listSubtree(root))
                    : Map.of(root, visibility.partnerSids());
            List<String> scopes = query.rollupTree() ? List.copyOf(subtrees.keySet()) : List.of(root);
            Long[] bounds = UsagePlanner.dateStartBounds(query.filter());
            var reading = new SummaryReading(query, bounds[0], bounds[1]);
            return summaries.read(snapshot -> reading.rows(snapshot, scopes, subtrees));
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
