package io.confcdr.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.confcdr.store.Deadline;
import io.confcdr.store.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * A pooled database with its jOOQ context. Every call goes through {@link #read} or {@link #write}, which
 * turn connection failures into {@link StoreUnavailableException}. Writers pass the dialect's
 * {@link WriterGate} first (on SQLite, one at a time).
 */
public final class SqlDatabase implements AutoCloseable {

    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final JdbcThreads threads;
    private final WriterGate writers;
    private final PoolRecovery recovery;
    /**
     * Prepared statements of {@link #query}, per physical connection. A connection is used by one request
     * at a time, so its statements are too. Connections the pool has closed (retired at their maximum
     * lifetime, or found broken) are dropped whenever a new one shows up. (Weak keys would not do: each
     * statement refers to its connection, so an entry would keep its own key alive.)
     */
    private final Map<Connection, Map<String, PreparedStatement>> prepared = new ConcurrentHashMap<>();

    /** Work on a prepared statement; see {@link #query}. */
    @FunctionalInterface
    public interface StatementWork<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    public SqlDatabase(Dialect dialect, HikariDataSource dataSource) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.writers = dialect.writerGate();
        this.threads = dialect.jdbcThreads(dataSource.getMaximumPoolSize());
        Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(new DeadlineGuard.Connections(dataSource))
                .set(dialect.jooqDialect())
                .set(settings)
                .set(new DefaultExecuteListenerProvider(new DeadlineGuard.Statements(dialect))));
        this.recovery = PoolRecovery.watching(dataSource);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The jOOQ context, for building queries (and for tests that explain them). */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Runs a read. A read that failed because a pooled connection had died is tried once more on a fresh
     * connection, so the first request after the database comes back succeeds. When one pooled connection
     * is found dead the others opened before the outage are too, so the idle ones are evicted first rather
     * than handing each of them to a request in turn. A read that could not get a connection at all is
     * not retried: the pool has already waited its timeout.
     */
    public <T> T read(Function<DSLContext, T> work) {
        Deadline deadline = operationDeadline();
        return threads.call(deadline, () -> DeadlineGuard.run(deadline, () -> readHere(work)));
    }

    /** The deadline of an operation starting now on this thread ({@link Deadline#forOperation}); null when none is open. */
    private static Deadline operationDeadline() {
        Deadline open = Deadline.current();
        return open == null ? null : open.forOperation();
    }

    /** A jOOQ context on a connection the caller holds, its statements bounded by the deadline as {@link #dsl()}'s are. */
    DSLContext on(Connection connection) {
        return DSL.using(dsl.configuration().derive(new org.jooq.impl.DefaultConnectionProvider(connection)));
    }

    private <T> T readHere(Function<DSLContext, T> work) {
        try {
            return work.apply(dsl);
        } catch (RuntimeException first) {
            if (!StoreErrors.isBrokenConnection(first)) {
                throw StoreErrors.translate(first);
            }
            evictIdleConnections();
            try {
                return work.apply(dsl);
            } catch (RuntimeException second) {
                throw StoreErrors.translate(second);
            }
        }
    }

    /**
     * Runs a read of fixed SQL through plain JDBC, on a statement prepared once per connection (SQLite has
     * no statement cache of its own, and preparing a 28-column select costs more than running it). For the
     * hot fixed-shape queries only; {@code work} binds every parameter and closes what it opens. Failures
     * are handled as {@link #read} handles them. Unlike {@link #read}, it runs on the calling thread: a
     * point lookup holds its carrier for microseconds, less than the hand-off to a JDBC thread would cost.
     */
    public <T> T query(String sql, StatementWork<T> work) {
        Deadline deadline = operationDeadline();
        return DeadlineGuard.run(deadline, () -> readHere(ignored -> {
            try (Connection connection = DeadlineGuard.connection(dataSource)) {
                PreparedStatement statement = prepared(connection, sql);
                // Kept statements are reused by requests with and without a deadline: set every time.
                dialect.limit(statement, deadline);
                return work.apply(statement);
            } catch (SQLException e) {
                throw new DataAccessException("query failed", e);
            }
        }));
    }

    private PreparedStatement prepared(Connection pooled, String sql) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Map<String, PreparedStatement> statements = prepared.get(physical);
        if (statements == null) {
            prepared.keySet().removeIf(SqlDatabase::isClosed);
            statements = new HashMap<>();
            prepared.put(physical, statements);
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** How many physical connections have statements kept for them (each at most once). */
    int connectionsWithKeptStatements() {
        return prepared.size();
    }

    /** Connections handed out and not yet returned (tests). */
    int connectionsInUse() {
        var pool = dataSource.getHikariPoolMXBean();
        return pool == null ? 0 : pool.getActiveConnections();
    }

    /** Closes the pool's idle connections (the pool opens new ones as needed); in-use ones close on return. */
    void evictIdleConnections() {
        var pool = dataSource.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it. */
    public <T> T write(Function<DSLContext, T> work) {
        Deadline deadline = operationDeadline();
        enterWriterGate(deadline);
        try {
            return threads.call(deadline, () -> DeadlineGuard.run(deadline, () -> dsl.connectionResult(connection ->
                    dialect.asWriteTransaction(connection, () -> on(connection)
                            .transactionResult(configuration -> work.apply(configuration.dsl()))))));
        } catch (RuntimeException failure) {
            if (StoreErrors.isBrokenConnection(failure)) {
                evictIdleConnections();
            }
            throw DeadlineGuard.translate(deadline, failure);
        } finally {
            writers.leave();
        }
    }

    /** Waits for the writer gate, no longer than the deadline (nullable) leaves. */
    private void enterWriterGate(Deadline deadline) {
        if (deadline == null) {
            writers.enter();
        } else if (!writers.tryEnter(deadline.remainingMillis())) {
            throw deadline.exceeded(null);
        }
    }

    /**
     * Runs a write as {@link #write} does, committed without waiting for the disk ({@link Dialect#relaxedCommit}):
     * a process crash loses nothing, a power failure may lose the last few such commits. Only for state that
     * is redone when lost: push bookkeeping (a lost acknowledgement means a delivery is sent again, which
     * at-least-once allows). The connection is restored before it returns to the pool, or evicted.
     */
    public <T> T writeRecoverable(Function<DSLContext, T> work) {
        Deadline deadline = operationDeadline();
        enterWriterGate(deadline);
        try {
            return threads.call(deadline, () -> DeadlineGuard.run(deadline, () -> {
                try (Connection connection = DeadlineGuard.connection(dataSource)) {
                    execute(connection, dialect.relaxedCommit());
                    try {
                        return on(connection).transactionResult(configuration -> work.apply(configuration.dsl()));
                    } finally {
                        try {
                            execute(connection, dialect.durableCommit());
                        } catch (SQLException e) {
                            dataSource.evictConnection(connection);
                            throw e;
                        }
                    }
                } catch (SQLException e) {
                    throw new DataAccessException("write failed", e);
                }
            }));
        } catch (RuntimeException failure) {
            if (StoreErrors.isBrokenConnection(failure)) {
                evictIdleConnections();
            }
            throw DeadlineGuard.translate(deadline, failure);
        } finally {
            writers.leave();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** True when a connection can be had and answers within a couple of seconds. */
    public boolean isAvailable() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * HikariCP's own Micrometer meters ({@code hikaricp_connections_active}, {@code _idle}, {@code _pending},
     * {@code _max}, acquire and usage times), tagged with the pool's name. A pool takes one registry only:
     * a second call (a second set of services over the same store, in tests) keeps the first.
     */
    void bindMetrics(MeterRegistry registry) {
        if (dataSource.getMetricsTrackerFactory() == null) {
            dataSource.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }

    @Override
    public void close() {
        if (recovery != null) {
            recovery.close();
        }
        dataSource.close();
        threads.close();
    }
}
