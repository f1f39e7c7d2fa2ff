package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.query.Filter;
import io.confcdr.query.Visibility;
import io.confcdr.store.UsageCell;
import io.confcdr.store.UsageStore;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * Reads of {@code cdr_usage} and the narrow read of legs behind distinct meetings and peak concurrency, both
 * through the list route's own translation of visibility and filter, in one snapshot. Both stream
 * (PostgreSQL fetches in rounds inside the transaction), so a month of a large subtree passes through a
 * flat heap.
 */
final class SqlUsageStore implements UsageStore {

    private static final int FETCH_SIZE = 5000;
    /** What every span carries; the dimensions the report groups by follow. */
    private static final List<CdrField> SPAN_FIELDS = List.of(CdrField.PARTNER_SID, CdrField.MEETING_SID,
            CdrField.DATE_START, CdrField.DATE_STOP);
    private static final List<CdrField> SPAN_DIMENSIONS = List.of(CdrField.DIRECTION, CdrField.ROLE,
            CdrField.DISCONNECT_CAUSE, CdrField.CUSTOM_CALL_TYPE);

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final CdrQueryTranslator translator;
    private final UsageAggregates aggregates;
    private final UsageCellMerge merge;

    SqlUsageStore(SqlDatabase db, SqlCdrStore cdrs) {
        this.db = db;
        this.cdr = cdrs.table();
        this.translator = cdrs.translator();
        this.aggregates = cdrs.aggregates();
        this.merge = new UsageCellMerge(db.dialect(), aggregates);
    }

    @Override
    public boolean keepsAggregates() {
        return true;
    }

    @Override
    public Optional<Instant> earliestStart() {
        return db.read(dsl -> dsl.select(DSL.min(aggregates.dateStart())).from(cdr.table()).fetchOptional(0, Instant.class));
    }

    @Override
    public void read(Filter filter, Visibility visibility, Consumer<UsageCell> cells, Set<CdrField> spanFields,
            Consumer<Cdr> spans) {
        Condition matching = translator.visibility(visibility).and(translator.filter(filter));
        List<Field<?>> summed = new ArrayList<>(aggregates.keyColumns());
        UsageAggregates.measures().forEach(measure -> summed.add(DSL.sum(measure)));
        List<CdrField> dimensions = spanDimensions(spanFields);
        inSnapshot(dsl -> {
            stream(dsl.select(summed).from(UsageAggregates.TABLE).where(matching)
                    .groupBy(aggregates.keyColumns())
                    .having(DSL.sum(UsageAggregates.legs()).ne(BigDecimal.ZERO)), rs -> new UsageCell(
                    rs.getString(1), db.dialect().instant(rs, 2), rs.getString(3), rs.getString(4), integer(rs, 5),
                    rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)), cells);
            if (spans != null) {
                stream(spanQuery(dsl, matching, dimensions), rs -> {
                    Cdr.Builder leg = Cdr.builder()
                            .partnerSid(rs.getString(1))
                            .meetingSid(rs.getString(2))
                            .dateStart(db.dialect().instant(rs, 3))
                            .dateStop(db.dialect().instant(rs, 4));
                    for (int i = 0; i < dimensions.size(); i++) {
                        int column = SPAN_FIELDS.size() + 1 + i;
                        switch (dimensions.get(i)) {
                            case DIRECTION -> leg.direction(rs.getString(column));
                            case ROLE -> leg.role(rs.getString(column));
                            case DISCONNECT_CAUSE -> leg.disconnectCause(integer(rs, column));
                            case CUSTOM_CALL_TYPE -> leg.customCallType(rs.getString(column));
                            default -> throw new AssertionError(dimensions.get(i));
                        }
                    }
                    return leg.build();
                }, spans);
            }
        });
    }

    /**
     * One transaction for all the units found: a merge is a few indexed statements per unit, and SQLite's
     * writer is held for their sum only. Committed without waiting for the disk: a merge lost to a power
     * failure leaves the deltas it would have merged, with the same sums.
     */
    @Override
    public int compact(int maxUnits) {
        List<UsageCellMerge.Unit> units = db.read(dsl -> merge.fresh(dsl, maxUnits));
        if (units.isEmpty()) {
            return 0;
        }
        db.writeRecoverable(tx -> {
            units.forEach(unit -> merge.merge(tx, unit));
            return null;
        });
        return units.size();
    }

    private static List<CdrField> spanDimensions(Set<CdrField> spanFields) {
        return SPAN_DIMENSIONS.stream().filter(spanFields::contains).toList();
    }

    /**
     * The span read, through index {@code cdr_partner_date_start} (V11): with no grouped dimension its
     * columns are the index's, so the rows themselves are not read.
     */
    private ResultQuery<?> spanQuery(DSLContext dsl, Condition matching, List<CdrField> dimensions) {
        List<Field<?>> columns = Stream.concat(SPAN_FIELDS.stream(), dimensions.stream())
                .<Field<?>>map(cdr::column).toList();
        return dsl.select(columns).from(cdr.table())
                .where(matching.and(db.dialect().spanIndexCondition(aggregates.dateStart())));
    }

    /** The span read of {@link #read}, for tests of its plan. */
    ResultQuery<?> spanQuery(DSLContext dsl, Filter filter, Visibility visibility, Set<CdrField> spanFields) {
        return spanQuery(dsl, translator.visibility(visibility).and(translator.filter(filter)), spanDimensions(spanFields));
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private interface SnapshotWork {
        void run(DSLContext dsl) throws SQLException;
    }

    private static <T> void stream(ResultQuery<?> query, RowReader<T> reader, Consumer<T> sink) throws SQLException {
        try (ResultSet rs = query.fetchSize(FETCH_SIZE).fetchResultSet()) {
            while (rs.next()) {
                sink.accept(reader.read(rs));
            }
        }
    }

    private void inSnapshot(SnapshotWork work) {
        Snapshots.read(db, "reading usage", dsl -> {
            work.run(dsl);
            return null;
        });
    }
}
