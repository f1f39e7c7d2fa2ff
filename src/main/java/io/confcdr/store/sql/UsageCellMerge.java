package io.confcdr.store.sql;

import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;

/**
 * Merges the delta rows of {@code cdr_usage} of one partner and slot into one row per cell (migration V12),
 * dropping cells whose every sum is zero: what the report reads then stays one row per cell however small the
 * ingest batches were. A merge keeps every sum: on PostgreSQL the rows it deletes are exactly the ones it sums
 * (one statement, {@code DELETE … RETURNING} feeding the insert), so deltas committed meanwhile stay as they
 * are, unmerged, for the next pass; on SQLite the writer is alone, and the rows summed are those up to the
 * largest rowid before the insert.
 */
final class UsageCellMerge {

    /** A partner and slot that received delta rows since its last merge. */
    record Unit(String partnerSid, Instant slot) {
    }

    private static final String SUMS = "sum(legs), sum(joined_legs), sum(failed_legs), sum(duration_micros), sum(billable_minutes)";
    private static final String NOT_ALL_ZERO = "sum(legs) <> 0 OR sum(joined_legs) <> 0 OR sum(failed_legs) <> 0"
            + " OR sum(duration_micros) <> 0 OR sum(billable_minutes) <> 0";
    private static final String KEYS = "partner_sid, date_start, direction, role, disconnect_cause, custom_call_type";
    private static final String COLUMNS = KEYS + ", legs, joined_legs, failed_legs, duration_micros, billable_minutes, compacted";

    private static final String POSTGRES_MERGE = "WITH moved AS (DELETE FROM cdr_usage WHERE partner_sid = {0} AND date_start = {1}"
            + " RETURNING " + KEYS + ", legs, joined_legs, failed_legs, duration_micros, billable_minutes)"
            + " INSERT INTO cdr_usage (" + COLUMNS + ") SELECT " + KEYS + ", " + SUMS + ", true FROM moved"
            + " GROUP BY " + KEYS + " HAVING " + NOT_ALL_ZERO;
    private static final String SQLITE_MERGE = "INSERT INTO cdr_usage (" + COLUMNS + ") SELECT " + KEYS + ", " + SUMS
            + ", 1 FROM cdr_usage WHERE partner_sid = {0} AND date_start = {1} GROUP BY " + KEYS + " HAVING " + NOT_ALL_ZERO;
    private static final String SQLITE_DELETE_MERGED = "DELETE FROM cdr_usage WHERE partner_sid = {0} AND date_start = {1} AND rowid <= {2}";

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
        Condition fresh = dialect instanceof PostgresDialect ? DSL.condition("NOT compacted") : DSL.condition("compacted = 0");
        return dsl.selectDistinct(partnerSid, slot).from(UsageAggregates.TABLE).where(fresh).orderBy(partnerSid, slot)
                .limit(limit).fetch(row -> new Unit(row.value1(), row.value2()));
    }

    /** Merges one unit's rows, in the caller's transaction. */
    void merge(DSLContext tx, Unit unit) {
        QueryPart partner = DSL.val(unit.partnerSid(), partnerSid);
        QueryPart start = DSL.val(unit.slot(), slot);
        if (dialect instanceof PostgresDialect) {
            tx.execute(POSTGRES_MERGE, partner, start);
            return;
        }
        Long last = tx.select(DSL.max(DSL.field(DSL.name("rowid"), Long.class))).from(UsageAggregates.TABLE).fetchOne(0, Long.class);
        if (last == null) {
            return;
        }
        tx.execute(SQLITE_MERGE, partner, start);
        tx.execute(SQLITE_DELETE_MERGED, partner, start, DSL.val(last));
    }
}
