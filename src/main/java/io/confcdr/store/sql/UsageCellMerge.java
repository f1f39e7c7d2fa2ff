package io.confcdr.store.sql;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Merges the delta rows of {@code cdr_usage} of one partner and slot into one row per cell (migration V12),
 * dropping cells whose every sum is zero: what a report reads then stays one row per cell however small the
 * ingest batches were. A merge keeps every sum; how each database makes sure a row written meanwhile is
 * neither lost nor counted twice is {@link Dialect#mergeUsage}'s.
 */
final class UsageCellMerge {

    /** A partner and slot that received delta rows since its last merge. */
    record Unit(String partnerSid, Instant slot) {
    }

    static final String KEYS = "partner_sid, date_start, direction, role, disconnect_cause, custom_call_type";
    static final String MEASURES = "legs, joined_legs, failed_legs, duration_micros, billable_minutes";
    static final String SUMS = "sum(legs), sum(joined_legs), sum(failed_legs), sum(duration_micros), sum(billable_minutes)";
    static final String NOT_ALL_ZERO = "sum(legs) <> 0 OR sum(joined_legs) <> 0 OR sum(failed_legs) <> 0"
            + " OR sum(duration_micros) <> 0 OR sum(billable_minutes) <> 0";

    private final Dialect dialect;
    private final Field<String> partnerSid;
    private final Field<Instant> slot;

    UsageCellMerge(Dialect dialect, UsageAggregates aggregates) {
        this.dialect = dialect;
        this.partnerSid = aggregates.partnerSid();
        this.slot = aggregates.dateStart();
    }

    /**
     * Up to {@code limit} units with delta rows not merged yet, through the partial index of V12, in key order:
     * processes merging at once lock units in the same order, so they wait for each other instead of
     * deadlocking.
     */
    List<Unit> fresh(DSLContext dsl, int limit) {
        return dsl.selectDistinct(partnerSid, slot).from(UsageAggregates.TABLE).where(dialect.unmergedUsage())
                .orderBy(partnerSid, slot).limit(limit).fetch(row -> new Unit(row.value1(), row.value2()));
    }

    /** Merges one unit's rows, in the caller's transaction. */
    void merge(DSLContext tx, Unit unit) {
        dialect.mergeUsage(tx, DSL.val(unit.partnerSid(), partnerSid), DSL.val(unit.slot(), slot));
    }
}
