package io.confcdr.report;

import io.confcdr.model.CdrField;
import io.confcdr.query.Comparison;
import io.confcdr.query.Condition;
import io.confcdr.store.UsageCell;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides, without touching a store, whether a usage report can be answered from the aggregates: every
 * filter condition is on a kept field (or bounds date_start at a slot boundary, where "the leg starts at or
 * after" and "its slot starts at or after" agree), every group key is kept, and when a calendar key is
 * asked for, the zone's clock changes only at slot boundaries over the range the report can cover (true of
 * every zone in use today; not of local mean time before 1900, nor of a 20-minute offset).
 */
public final class UsagePlanner {

    /** The leg attributes kept in the aggregates (any filter condition on them is exact there). */
    static final Set<CdrField> KEPT_FIELDS = EnumSet.of(CdrField.PARTNER_SID, CdrField.DIRECTION, CdrField.ROLE,
            CdrField.DISCONNECT_CAUSE, CdrField.CUSTOM_CALL_TYPE);
    static final Set<GroupKey> KEPT_KEYS = EnumSet.of(GroupKey.PARTNER_SID, GroupKey.DIRECTION, GroupKey.ROLE,
            GroupKey.DISCONNECT_CAUSE, GroupKey.CUSTOM_CALL_TYPE, GroupKey.HOUR, GroupKey.DAY, GroupKey.MONTH);
    private static final Set<GroupKey> CALENDAR_KEYS = EnumSet.of(GroupKey.HOUR, GroupKey.DAY, GroupKey.MONTH);
    /** Offset changes checked past an open upper bound: centuries of twice-yearly DST changes. */
    private static final int MAX_TRANSITIONS = 1000;

    private UsagePlanner() {
    }

    /**
     * @param keepsAggregates whether the store keeps them at all (the memory store does not)
     * @param earliestStart   the earliest date_start stored (asked only when a calendar key has no lower
     *                        date_start bound in the filter)
     */
    public static UsagePlan plan(UsageQuery query, boolean keepsAggregates, Supplier<Optional<Instant>> earliestStart) {
        return plan(query, keepsAggregates, false, earliestStart);
    }

    /**
     * As {@link #plan(UsageQuery, boolean, Supplier)}, choosing the slot summaries over the aggregates when
     * {@code summariesCover} (the store keeps them and the caller sees one whole subtree), the aggregates
     * would do, the filter only bounds date_start and every group key is a calendar key or, under
     * {@code rollup=tree}, partner_sid.
     */
    public static UsagePlan plan(UsageQuery query, boolean keepsAggregates, boolean summariesCover,
            Supplier<Optional<Instant>> earliestStart) {
        UsagePlan plan = planAggregates(query, keepsAggregates, earliestStart);
        if (plan.path() == UsagePlan.Path.AGGREGATES && summariesCover
                && query.filter().conditions().stream().allMatch(c -> c.field() == CdrField.DATE_START)
                && query.groupBy().stream().allMatch(key -> CALENDAR_KEYS.contains(key)
                        || (key == GroupKey.PARTNER_SID && query.rollupTree()))) {
            Long[] bounds = dateStartBounds(query.filter());
            return SummaryReading.exactFor(query, bounds[0], bounds[1]) ? UsagePlan.summaries()
                    : new UsagePlan(UsagePlan.Path.AGGREGATES, "one group may span more than the 100 days the summaries are exact for");
        }
        return plan;
    }

    /** The filter's bounds on date_start (ge: the latest, lt: the earliest), in epoch milliseconds; null when absent. */
    static Long[] dateStartBounds(io.confcdr.query.Filter filter) {
        Long from = null;
        Long to = null;
        for (Condition condition : filter.conditions()) {
            if (condition instanceof Condition.Compare compare && compare.field() == CdrField.DATE_START
                    && compare.value() instanceof Instant bound) {
                long millis = bound.toEpochMilli();
                if (compare.op() == Comparison.GE) {
                    from = from == null ? millis : Math.max(from, millis);
                } else if (compare.op() == Comparison.LT) {
                    to = to == null ? millis : Math.min(to, millis);
                }
            }
        }
        return new Long[] {from, to};
    }

    private static UsagePlan planAggregates(UsageQuery query, boolean keepsAggregates,
            Supplier<Optional<Instant>> earliestStart) {
        if (!keepsAggregates) {
            return UsagePlan.scan("the store keeps no aggregates");
        }
        Instant from = null;
        Instant to = null;
        for (Condition condition : query.filter().conditions()) {
            if (KEPT_FIELDS.contains(condition.field())) {
                continue;
            }
            if (condition instanceof Condition.Compare compare && compare.field() == CdrField.DATE_START
                    && compare.value() instanceof Instant bound && onSlotBoundary(bound)) {
                if (compare.op() == Comparison.GE) {
                    from = from == null || bound.isAfter(from) ? bound : from;
                    continue;
                }
                if (compare.op() == Comparison.LT) {
                    to = to == null || bound.isBefore(to) ? bound : to;
                    continue;
                }
            }
            return UsagePlan.scan("the filter on " + condition.field().wireName() + " is not kept in the aggregates");
        }
        for (GroupKey key : query.groupBy()) {
            if (!KEPT_KEYS.contains(key)) {
                return UsagePlan.scan("group key " + key.wireName() + " is not kept in the aggregates");
            }
        }
        if (query.groupBy().stream().anyMatch(CALENDAR_KEYS::contains)) {
            if (from == null) {
                Optional<Instant> earliest = earliestStart.get();
                if (earliest.isEmpty()) {
                    return UsagePlan.aggregates();
                }
                from = earliest.get();
            }
            if (!clockChangesOnSlots(query.zone(), from, to)) {
                return UsagePlan.scan("the clock of " + query.zone() + " changes between 15-minute slots");
            }
        }
        return UsagePlan.aggregates();
    }

    private static boolean onSlotBoundary(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 && Math.floorMod(instant.toEpochMilli(), UsageCell.SLOT_MILLIS) == 0;
    }

    private static boolean onSlotBoundary(int offsetSeconds) {
        return Math.floorMod(offsetSeconds * 1000L, UsageCell.SLOT_MILLIS) == 0;
    }

    /**
     * Whether, on [from, to) (to null: unbounded), every offset of the zone is a whole number of slots and
     * every change of offset happens at a slot boundary: then the zone's hours, days and months each begin
     * at a slot boundary, and every slot has one calendar label.
     */
    static boolean clockChangesOnSlots(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        if (!onSlotBoundary(rules.getOffset(from).getTotalSeconds())) {
            return false;
        }
        Instant at = from;
        for (int i = 0; i < MAX_TRANSITIONS; i++) {
            ZoneOffsetTransition next = rules.nextTransition(at);
            if (next == null || (to != null && !next.getInstant().isBefore(to))) {
                return true;
            }
            if (!onSlotBoundary(next.getInstant()) || !onSlotBoundary(next.getOffsetAfter().getTotalSeconds())) {
                return false;
            }
            at = next.getInstant();
        }
        return true;
    }
}
