package io.confcdr.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.confcdr.store.Deadline;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;
import org.sqlite.BusyHandler;
import org.sqlite.ProgressHandler;

/**
 * Where the SQL layer enforces the {@link Deadline} open on the calling thread, at every point a request
 * can wait on the database: the wait for a pooled connection never exceeds the time left, the writer gate
 * likewise ({@link SqlDatabase}), and a running statement is cut when the time is up: on PostgreSQL by the
 * driver's cancel request ({@link PostgresDialect#limit}), on SQLite by a progress handler that interrupts
 * the statement and a busy handler that stops waiting for another connection's lock ({@link Sqlite}). Both
 * run on the thread executing the statement, which carries the request's deadline ({@link SqlDatabase}
 * hands it to its JDBC threads), so nothing is ever cancelled from outside and a connection back in the
 * pool can never be interrupted late. Whatever fails after the time is up comes out as the deadline's
 * {@link io.confcdr.store.DeadlineExceededException}, and the connection goes back to the pool as usual.
 */
final class DeadlineGuard {

    private DeadlineGuard() {
    }

    /**
     * Runs {@code work} with {@code deadline} (nullable) open on this thread. A failure once the time is up
     * comes out as the deadline's; any other as itself, for the caller to look at (a broken connection) and
     * translate.
     */
    static <T> T run(Deadline deadline, Supplier<T> work) {
        if (deadline == null) {
            return work.get();
        }
        deadline.check();
        try {
            return Deadline.within(deadline, work);
        } catch (RuntimeException failure) {
            if (deadline.passed()) {
                throw translate(deadline, failure);
            }
            throw failure;
        }
    }

    /** The failure as the deadline's when its time is up, else as the store reports it. */
    static RuntimeException translate(Deadline deadline, RuntimeException failure) {
        if (deadline != null && deadline.passed()) {
            return failure instanceof io.confcdr.store.DeadlineExceededException ? failure : deadline.exceeded(failure);
        }
        return StoreErrors.translate(failure);
    }

    /** A pooled connection, waiting at most the pool's timeout and at most the time left. */
    static Connection connection(HikariDataSource dataSource) throws SQLException {
        Deadline deadline = Deadline.current();
        if (deadline == null) {
            return dataSource.getConnection();
        }
        deadline.check();
        // The pool is the data source's own (HikariPool implements the MXBean), started when it was built.
        var pool = (HikariPool) dataSource.getHikariPoolMXBean();
        return pool.getConnection(Math.max(1, Math.min(deadline.remainingMillis(), dataSource.getConnectionTimeout())));
    }

    /** jOOQ's connections for {@link SqlDatabase#dsl()}: {@link #connection}. */
    record Connections(HikariDataSource dataSource) implements org.jooq.ConnectionProvider {
        @Override
        public Connection acquire() {
            try {
                return connection(dataSource);
            } catch (SQLException e) {
                throw new DataAccessException("no connection to the database", e);
            }
        }

        @Override
        public void release(Connection connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new DataAccessException("returning a connection failed", e);
            }
        }
    }

    /** Bounds every statement jOOQ runs by the deadline open as it starts ({@link Dialect#limit}). */
    record Statements(Dialect dialect) implements ExecuteListener {
        @Override
        public void executeStart(ExecuteContext ctx) {
            Deadline deadline = Deadline.current();
            if (deadline != null && ctx.statement() != null) {
                deadline.check();
                try {
                    dialect.limit(ctx.statement(), deadline);
                } catch (SQLException e) {
                    throw new DataAccessException("bounding a statement by the request's deadline failed", e);
                }
            }
        }
    }

    /**
     * SQLite's side. {@code sqlite3_interrupt} (what sqlite-jdbc's {@code cancel} calls) would have to come from
     * another thread, which cannot know that the statement it meant is still the one running; its
     * {@code setQueryTimeout} only shortens the busy timeout. A progress handler, called every
     * {@link #PROGRESS_STEPS} virtual-machine steps on the statement's own thread, ends the statement once the
     * deadline has passed (SQLITE_INTERRUPT); a busy handler replaces the busy timeout with the same
     * {@link #BUSY_TIMEOUT_MILLIS}, ended early by the deadline.
     */
    static final class Sqlite {

        static final int BUSY_TIMEOUT_MILLIS = 10_000;
        /**
         * Milliseconds of work between checks. sqlite-jdbc's call into Java is dear: every 10 000 steps an
         * export ran 40 % slower (BENCHMARKS.md); every million costs nothing measurable.
         */
        static final int PROGRESS_STEPS = 1_000_000;

        private Sqlite() {
        }

        /** Installs both handlers on a new physical connection. */
        static void install(Connection connection) throws SQLException {
            ProgressHandler.setHandler(connection, PROGRESS_STEPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    Deadline deadline = Deadline.current();
                    return deadline != null && deadline.passed() ? 1 : 0;
                }
            });
            BusyHandler.setHandler(connection, new Busy());
        }

        /** One connection's; a connection runs one statement at a time, so the start needs no guard. */
        private static final class Busy extends BusyHandler {
            private long startNanos;

            @Override
            protected int callback(int previousCalls) {
                long now = System.nanoTime();
                if (previousCalls == 0) {
                    startNanos = now;
                }
                long waited = (now - startNanos) / 1_000_000;
                Deadline deadline = Deadline.current();
                long left = BUSY_TIMEOUT_MILLIS - waited;
                if (deadline != null) {
                    left = Math.min(left, deadline.remainingMillis());
                }
                if (left <= 0) {
                    return 0;
                }
                try {
                    // SQLite's own handler backs off from 1 ms to 100 ms; a lock is usually held for milliseconds.
                    Thread.sleep(Math.min(left, Math.min(1L + previousCalls, 25L)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
                return 1;
            }
        }
    }
}
