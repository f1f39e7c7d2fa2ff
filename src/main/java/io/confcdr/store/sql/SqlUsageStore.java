package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.query.Filter;
import io.confcdr.query.Visibility;
import io.confcdr.store.UsageCell;
import io.confcdr.store.UsageStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Reads of {@code cdr_usage} and the narrow read of legs behind distinct meetings and peak concurrency, both
 * through the list route's own translation of visibility and filter. Both stream (PostgreSQL fetches in
 * rounds inside a read-only transaction), so a month of a large subtree passes through a flat heap.
 */
final class SqlUsageStore implements UsageStore {

    private static final int FETCH_SIZE = 5000;
    private static final List<CdrField> SPAN_FIELDS = List.of(CdrField.PARTNER_SID, CdrField.MEETING_SID,
            CdrField.DATE_START, CdrField.DATE_STOP, CdrField.DIRECTION, CdrField.ROLE, CdrField.DISCONNECT_CAUSE,
            CdrField.CUSTOM_CALL_TYPE);

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final CdrQueryTranslator translator;
    private final UsageAggregates aggregates;

    SqlUsageStore(SqlDatabase db, SqlCdrStore cdrs) {
        this.db = db;
        this.cdr = cdrs.table();
        this.translator = cdrs.translator();
        this.aggregates = cdrs.aggregates();
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
    public void cells(Filter filter, Visibility visibility, Consumer<UsageCell> sink) {
        Condition matching = translator.visibility(visibility).and(translator.filter(filter));
        List<Field<?>> selected = new ArrayList<>(aggregates.keyColumns());
        UsageAggregates.measures().forEach(measure -> selected.add(DSL.sum(measure)));
        stream(dsl -> dsl.select(selected).from(UsageAggregates.TABLE).where(matching)
                .groupBy(aggregates.keyColumns())
                .having(DSL.sum(UsageAggregates.legs()).ne(BigDecimal.ZERO)), rs -> new UsageCell(
                rs.getString(1), db.dialect().instant(rs, 2), rs.getString(3), rs.getString(4), integer(rs, 5),
                rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)), sink);
    }

    @Override
    public void spans(Filter filter, Visibility visibility, Consumer<Cdr> sink) {
        Condition matching = translator.visibility(visibility).and(translator.filter(filter));
        List<Field<?>> selected = SPAN_FIELDS.stream().<Field<?>>map(cdr::column).toList();
        stream(dsl -> dsl.select(selected).from(cdr.table()).where(matching), rs -> Cdr.builder()
                .partnerSid(rs.getString(1))
                .meetingSid(rs.getString(2))
                .dateStart(db.dialect().instant(rs, 3))
                .dateStop(db.dialect().instant(rs, 4))
                .direction(rs.getString(5))
                .role(rs.getString(6))
                .disconnectCause(integer(rs, 7))
                .customCallType(rs.getString(8))
                .build(), sink);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> void stream(Function<DSLContext, ResultQuery<?>> query, RowReader<T> reader, Consumer<T> sink) {
        ConnectionProvider provider = db.dsl().configuration().connectionProvider();
        Connection connection;
        try {
            connection = provider.acquire();
        } catch (RuntimeException e) {
            throw StoreErrors.translate(e);
        }
        try {
            connection.setAutoCommit(false);
            DSLContext dsl = DSL.using(connection, db.dialect().jooqDialect(), db.dsl().settings());
            try (ResultSet rs = query.apply(dsl).fetchSize(FETCH_SIZE).fetchResultSet()) {
                while (rs.next()) {
                    sink.accept(reader.read(rs));
                }
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(new DataAccessException("reading usage failed", e));
        } catch (DataAccessException e) {
            throw StoreErrors.translate(e);
        } finally {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // A broken connection: the pool discards it on release.
            }
            provider.release(connection);
        }
    }
}
