package io.confcdr.store.sql;

import io.confcdr.store.StoreUnavailableException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Tells a database that cannot be reached from a query that is wrong, and turns the first into 503s. */
final class StoreErrors {

    /** PostgreSQL: admin shutdown, crash shutdown, cannot connect now; SQLite: busy, locked. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
    private static final Set<Integer> SQLITE_BUSY_CODES = Set.of(5, 6);
    /**
     * The database cannot take writes (PostgreSQL: disk full, read-only transaction; SQLite: read-only, disk
     * full): nothing is wrong with the request, the store needs its operator, so a client should get a 503
     * and retry later, not a 500.
     */
    private static final Set<String> CANNOT_WRITE_STATES = Set.of("53100", "25006");
    private static final Set<Integer> SQLITE_CANNOT_WRITE_CODES = Set.of(8, 13);

    private StoreErrors() {
    }

    /** True when the failure says the database is unreachable or too busy, not that the request is wrong. */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)
                        || CANNOT_WRITE_STATES.contains(state))) {
                    return true;
                }
                if (t.getClass().getName().startsWith("org.sqlite") && (SQLITE_BUSY_CODES.contains(sql.getErrorCode())
                        || SQLITE_CANNOT_WRITE_CODES.contains(sql.getErrorCode() & 0xff))) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** True when a connection the pool handed out turned out to be dead (not when none could be had). */
    static boolean isBrokenConnection(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof StoreUnavailableException) {
                return false;
            }
        }
        return isUnavailable(failure);
    }

    /** The exception to throw for a failed database call: unavailable, or the original. */
    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException) {
            return failure;
        }
        return isUnavailable(failure) ? new StoreUnavailableException("database unavailable", failure) : failure;
    }
}
