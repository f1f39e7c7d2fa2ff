package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.query.CdrScan;
import io.confcdr.query.Visibility;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * Streams a {@link CdrScan} off one statement, row by row: the list route's filter, order and keyset
 * predicate, without a limit. The same code runs on both databases. PostgreSQL's driver reads a result
 * {@link #FETCH_SIZE} rows at a time only inside a transaction (with autocommit on it fetches everything
 * first), so the scan runs in a read-only transaction that is rolled back at the end; SQLite steps its
 * statement lazily either way, and the transaction gives it the same single snapshot.
 */
final class CdrScanReader {

    /** Rows per round trip on PostgreSQL: enough to amortise the trip, few enough to keep the heap flat. */
    static final int FETCH_SIZE = 1000;

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final CdrQueryTranslator translator;
    private final CdrRows rows;
    private final CdrPageReader pages;

    CdrScanReader(SqlDatabase db, CdrTable cdr, CdrQueryTranslator translator, CdrRows rows, CdrPageReader pages) {
        this.db = db;
        this.cdr = cdr;
        this.translator = translator;
        this.rows = rows;
        this.pages = pages;
    }

    /**
     * Failures of the database come out as the store's exceptions; a failure of {@code sink} as itself.
     * The rows are read on a thread of their own while {@code sink} runs on this one ({@link ScanPipe}).
     */
    void scan(CdrScan scan, Visibility visibility, Consumer<Cdr> sink) {
        ScanPipe.run(reading -> read(scan, visibility, reading), sink);
    }

    private void read(CdrScan scan, Visibility visibility, Consumer<Cdr> sink) {
        ConnectionProvider provider = db.dsl().configuration().connectionProvider();
        Connection connection;
        try {
            connection = provider.acquire();
        } catch (RuntimeException e) {
            throw StoreErrors.translate(e);
        }
        try {
            connection.setAutoCommit(false);
            DSLContext dsl = DSL.using(new DefaultConfiguration()
                    .set(connection)
                    .set(db.dialect().jooqDialect())
                    .set(db.dsl().settings())
                    .set(new DefaultExecuteListenerProvider(new StreamingStatements(db.dialect()))));
            Condition matching = translator.visibility(visibility).and(translator.filter(scan.filter()));
            if (scan.after() != null) {
                var anchor = pages.anchor(dsl, scan.after(), scan.order(), visibility);
                matching = matching.and(translator.beyond(scan.order(), anchor, false));
            }
            try (ResultSet rs = dsl.select(cdr.selectColumns())
                    .from(cdr.table())
                    .where(matching)
                    .orderBy(translator.sortFields(scan.order(), false))
                    .fetchSize(FETCH_SIZE)
                    .fetchResultSet()) {
                while (rs.next()) {
                    sink.accept(rows.read(rs));
                }
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(new DataAccessException("streaming records failed", e));
        } catch (DataAccessException e) {
            throw StoreErrors.translate(e);
        } finally {
            end(connection);
            provider.release(connection);
        }
    }

    /** Every statement of the scan is set up for a long result ({@link Dialect#streamRows}). */
    private record StreamingStatements(Dialect dialect) implements ExecuteListener {
        @Override
        public void prepareEnd(ExecuteContext ctx) {
            if (ctx.statement() != null) {
                try {
                    dialect.streamRows(ctx.statement());
                } catch (SQLException e) {
                    throw new DataAccessException("setting up the scan's statement failed", e);
                }
            }
        }
    }

    /** Nothing was written, so rolling back only ends the transaction (and releases SQLite's snapshot). */
    private static void end(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // A broken connection: the pool discards it on release.
        }
    }
}
