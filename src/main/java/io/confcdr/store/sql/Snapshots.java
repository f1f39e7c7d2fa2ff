package io.confcdr.store.sql;

import io.confcdr.store.Deadline;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Reads in one read-only transaction that sees one snapshot (REPEATABLE READ on PostgreSQL; a SQLite read
 * transaction always does), so that several statements describe the same records while ingest goes on.
 */
final class Snapshots {

    interface Work<T> {
        T run(DSLContext dsl) throws SQLException;
    }

    private Snapshots() {
    }

    static <T> T read(SqlDatabase db, String what, Work<T> work) {
        ConnectionProvider provider = db.dsl().configuration().connectionProvider();
        Connection connection;
        try {
            connection = provider.acquire();
        } catch (RuntimeException e) {
            throw DeadlineGuard.translate(Deadline.current(), e);
        }
        int isolation = Connection.TRANSACTION_READ_COMMITTED;
        int snapshot = isolation;
        try {
            isolation = connection.getTransactionIsolation();
            snapshot = db.dialect().snapshotIsolation(isolation);
            connection.setAutoCommit(false);
            if (snapshot != isolation) {
                connection.setTransactionIsolation(snapshot);
            }
            return work.run(db.on(connection));
        } catch (SQLException e) {
            throw DeadlineGuard.translate(Deadline.current(), new DataAccessException(what + " failed", e));
        } catch (DataAccessException e) {
            throw DeadlineGuard.translate(Deadline.current(), e);
        } finally {
            try {
                connection.rollback();
                if (snapshot != isolation) {
                    connection.setTransactionIsolation(isolation);
                }
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // A broken connection: the pool discards it on release.
            }
            provider.release(connection);
        }
    }
}
