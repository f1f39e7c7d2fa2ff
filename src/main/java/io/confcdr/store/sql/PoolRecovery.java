package io.confcdr.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the pool's connection back-off as soon as the database answers again. While a database is away,
 * HikariCP's connection adder retries with a back-off that doubles up to 5 s, so without help the first
 * request after an outage could wait seconds for a connection the database would already give. Whenever the
 * pool holds no connection at all, this watcher tries a connection of its own every {@code every}; once one
 * opens, it interrupts the adder's sleep (HikariCP then ends that attempt, and the requests waiting for a
 * connection start a new one, whose back-off starts again at 10 ms).
 */
final class PoolRecovery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PoolRecovery.class);

    private final HikariDataSource pool;
    private final Duration every;
    private final Thread watcher;
    private volatile boolean closed;

    private PoolRecovery(HikariDataSource pool, Duration every) {
        this.pool = pool;
        this.every = every;
        this.watcher = Thread.ofVirtual().name(pool.getPoolName() + "-recovery").start(this::watch);
    }

    /** Watches a pool of a networked database (one configured by JDBC URL); none for an embedded one. */
    static PoolRecovery watching(HikariDataSource pool) {
        return pool.getJdbcUrl() == null ? null : new PoolRecovery(pool, Duration.ofMillis(100));
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(every);
                var state = pool.getHikariPoolMXBean();
                if (state != null && state.getTotalConnections() == 0 && reachable()) {
                    wakeTheAdder();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.debug("pool recovery check failed: {}", e.toString());
            }
        }
    }

    private boolean reachable() {
        var properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        try (var connection = DriverManager.getConnection(pool.getJdbcUrl(), properties)) {
            return connection.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }

    private void wakeTheAdder() {
        String adder = pool.getPoolName() + ":connection-adder";
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(adder))
                .forEach(Thread::interrupt);
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
    }
}
