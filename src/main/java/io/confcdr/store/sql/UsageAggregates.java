package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.store.UsageCell;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Keeps table {@code cdr_usage} equal to the sums over {@code cdr}: every write of records adds the cells
 * of what it inserts ({@link #add}) or subtracts the cells of what it is about to delete
 * ({@link #subtract}), inside the writer's transaction. Rows are deltas (see migration V10): appended, never
 * updated, so concurrent ingest never waits on a hot aggregate row and a batch costs one small JDBC batch.
 * The key columns carry the names of the {@code cdr} columns they come from, so the list route's
 * translation of a filter on them applies to this table unchanged.
 */
final class UsageAggregates {

    static final Table<Record> TABLE = DSL.table(DSL.name("cdr_usage"));
    private static final Field<Long> LEGS = DSL.field(DSL.name("legs"), SQLDataType.BIGINT);
    private static final Field<Long> JOINED = DSL.field(DSL.name("joined_legs"), SQLDataType.BIGINT);
    private static final Field<Long> FAILED = DSL.field(DSL.name("failed_legs"), SQLDataType.BIGINT);
    private static final Field<Long> MICROS = DSL.field(DSL.name("duration_micros"), SQLDataType.BIGINT);
    private static final Field<Long> BILLABLE = DSL.field(DSL.name("billable_minutes"), SQLDataType.BIGINT);
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final int NORMAL_CLEARING = 16;

    private final CdrTable cdr;
    private final Dialect dialect;
    private final List<Field<?>> keyColumns;
    private final List<Field<?>> columns;

    UsageAggregates(CdrTable cdr, Dialect dialect) {
        this.cdr = cdr;
        this.dialect = dialect;
        this.keyColumns = List.of(cdr.partnerSid(), dateStart(), cdr.column(CdrField.DIRECTION), cdr.column(CdrField.ROLE),
                cdr.column(CdrField.DISCONNECT_CAUSE), cdr.column(CdrField.CUSTOM_CALL_TYPE));
        List<Field<?>> all = new ArrayList<>(keyColumns);
        all.addAll(List.of(LEGS, JOINED, FAILED, MICROS, BILLABLE));
        this.columns = List.copyOf(all);
    }

    /** The first instant of the 15-minute UTC slot holding {@code millis}; {@link Dialect#usageSlotOf} in SQL. */
    static long slotOf(long millis) {
        return millis - Math.floorMod(millis, UsageCell.SLOT_MILLIS);
    }

    Field<String> partnerSid() {
        return cdr.partnerSid();
    }

    @SuppressWarnings("unchecked")
    Field<Instant> dateStart() {
        return (Field<Instant>) cdr.column(CdrField.DATE_START);
    }

    List<Field<?>> keyColumns() {
        return keyColumns;
    }

    static Field<Long> legs() {
        return LEGS;
    }

    static List<Field<Long>> measures() {
        return List.of(LEGS, JOINED, FAILED, MICROS, BILLABLE);
    }

    /** Adds the cells of records just inserted in {@code tx}. */
    void add(DSLContext tx, List<Cdr> inserted) {
        Map<List<Object>, long[]> cells = new LinkedHashMap<>();
        for (Cdr row : inserted) {
            long[] sums = cells.computeIfAbsent(Arrays.asList(row.partnerSid(),
                    Instant.ofEpochMilli(slotOf(row.dateStart().toEpochMilli())), row.direction(), row.role(),
                    row.disconnectCause(), row.customCallType()), key -> new long[5]);
            long micros = row.duration() == null ? 0 : row.duration().micros();
            sums[0]++;
            sums[1] += row.dateJoin() != null ? 1 : 0;
            sums[2] += row.disconnectCause() != null && row.disconnectCause() != NORMAL_CLEARING ? 1 : 0;
            sums[3] += micros;
            sums[4] += Math.ceilDiv(micros, MICROS_PER_MINUTE);
        }
        if (cells.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(cells.size());
        for (Map.Entry<List<Object>, long[]> cell : cells.entrySet()) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < keyColumns.size(); i++) {
                values[i] = cell.getKey().get(i);
            }
            for (int i = 0; i < 5; i++) {
                values[keyColumns.size() + i] = cell.getValue()[i];
            }
            rows.add(values);
        }
        dialect.appendUsage(tx, columns, rows);
    }

    /** Subtracts the cells of the records matching {@code matching}, which the caller then deletes in {@code tx}. */
    void subtract(DSLContext tx, Condition matching) {
        Field<Instant> slot = dialect.usageSlotOf(dateStart());
        @SuppressWarnings("unchecked")
        Field<Integer> cause = (Field<Integer>) cdr.column(CdrField.DISCONNECT_CAUSE);
        @SuppressWarnings("unchecked")
        Field<Long> duration = (Field<Long>) cdr.column(CdrField.DURATION);
        @SuppressWarnings("unchecked")
        Field<Instant> dateJoin = (Field<Instant>) cdr.column(CdrField.DATE_JOIN);
        List<Field<?>> groups = new ArrayList<>(keyColumns);
        groups.set(1, slot);
        List<Field<?>> selected = new ArrayList<>(groups);
        selected.add(DSL.inline(0L).minus(DSL.count()));
        selected.add(DSL.inline(0L).minus(DSL.count(dateJoin)));
        selected.add(DSL.inline(0L).minus(DSL.sum(DSL.when(cause.isNotNull().and(cause.ne(NORMAL_CLEARING)), DSL.inline(1L))
                .otherwise(DSL.inline(0L)))));
        selected.add(DSL.inline(0L).minus(DSL.coalesce(DSL.sum(duration), DSL.inline(java.math.BigDecimal.ZERO))));
        selected.add(DSL.inline(0L).minus(DSL.coalesce(
                DSL.sum(duration.plus(DSL.inline(MICROS_PER_MINUTE - 1)).div(DSL.inline(MICROS_PER_MINUTE))),
                DSL.inline(java.math.BigDecimal.ZERO))));
        tx.insertInto(TABLE).columns(columns)
                .select(DSL.select(selected).from(cdr.table()).where(matching).groupBy(groups))
                .execute();
    }
}
