package io.confcdr.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.confcdr.store.Storage;
import io.confcdr.store.StoreUnavailableException;
import java.io.IOException;
import java.sql.SQLException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the configured database (the embedded SQLite store in a data directory, the default, or PostgreSQL
 * for a {@code jdbc:postgresql:} URL) and migrates it: pools sized for each engine, Flyway migrations from
 * the dialect's own location. Connection failures at open become {@link StoreUnavailableException}.
 */
public final class SqlStorageFactory {

    /** SQLite's JNI calls pin virtual-thread carriers: a few connections bound that, WAL lets them read in parallel. */
    private static final int SQLITE_POOL_SIZE = 4;
    private static final int POSTGRES_POOL_SIZE = 10;
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([^&]+)");

    static {
        // jOOQ prints a banner and tips on first use; set before any jOOQ class initialises.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private SqlStorageFactory() {
    }

    /** @param jdbcUrl null for the embedded store in {@code dataDir} */
    public static Storage open(Path dataDir, String jdbcUrl) {
        return open(dataDir, jdbcUrl, Clock.systemUTC());
    }

    /**
     * As {@link #open(Path, String)}, with the clock that stamps date_insert.
     *
     * @throws IllegalArgumentException for a URL of a database confcdr does not support
     * @throws StoreUnavailableException when the database cannot be reached
     */
    public static Storage open(Path dataDir, String jdbcUrl, Clock clock) {
        return open(dataDir, jdbcUrl, clock, 0);
    }

    /** As {@link #open(Path, String, Clock)} with {@code poolSize} connections; 0 for the engine's default. */
    public static Storage open(Path dataDir, String jdbcUrl, Clock clock, int poolSize) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            if (dataDir == null) {
                throw new IllegalArgumentException("the embedded store needs a data directory");
            }
            return sqlite(dataDir, clock, false, poolSize == 0 ? SQLITE_POOL_SIZE : poolSize);
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return postgres(jdbcUrl, clock, poolSize == 0 ? POSTGRES_POOL_SIZE : poolSize);
        }
        throw new IllegalArgumentException(
                "unsupported database URL: only jdbc:postgresql: URLs are supported (or none, for the embedded SQLite store)");
    }

    /** SQLite in {@code dataDir/confcdr.db}: WAL, synchronous=FULL (acknowledged means durable), busy timeout. */
    public static SqlStorage sqlite(Path dataDir, Clock clock) {
        return sqlite(dataDir, clock, false, SQLITE_POOL_SIZE);
    }

    /**
     * An existing SQLite store opened read-only (SQLite's own open flag): every write fails as it does on a
     * file the process may not write, whoever runs it (root included). For read replicas, and for checking
     * how confcdr behaves on a store it cannot write.
     */
    public static SqlStorage sqliteReadOnly(Path dataDir, Clock clock) {
        return sqlite(dataDir, clock, true, SQLITE_POOL_SIZE);
    }

    private static SqlStorage sqlite(Path dataDir, Clock clock, boolean readOnly, int poolSize) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        // Replaced by DeadlineGuard's busy handler, which waits as long unless the request's deadline is sooner.
        config.setBusyTimeout(DeadlineGuard.Sqlite.BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(1L << 30));
        config.setReadOnly(readOnly);
        SQLiteDataSource sqlite = new SQLiteDataSource(config) {
            @Override
            public SQLiteConnection getConnection(String user, String password) throws SQLException {
                SQLiteConnection connection = super.getConnection(user, password);
                DeadlineGuard.Sqlite.install(connection);
                return connection;
            }
        };
        sqlite.setUrl("jdbc:sqlite:" + dataDir.resolve("confcdr.db").toAbsolutePath());

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("confcdr-sqlite");
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(30_000);
        // Hikari sets every connection's read-only flag, and sqlite-jdbc refuses a change once connected.
        pool.setReadOnly(readOnly);
        return migrated(Dialect.SQLITE, pool, null, clock);
    }

    /** PostgreSQL at a {@code jdbc:postgresql:} URL; a {@code currentSchema} parameter selects (and creates) the schema. */
    public static SqlStorage postgres(String jdbcUrl, Clock clock) {
        return postgres(jdbcUrl, clock, POSTGRES_POOL_SIZE);
    }

    private static SqlStorage postgres(String jdbcUrl, Clock clock, int poolSize) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("confcdr-postgres");
        pool.setJdbcUrl(jdbcUrl);
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(Math.min(2, poolSize));
        // An unreachable database fails a request in seconds (503), not after the driver's defaults.
        pool.setConnectionTimeout(3_000);
        pool.setValidationTimeout(2_000);
        pool.addDataSourceProperty("connectTimeout", "3");
        pool.addDataSourceProperty("tcpKeepAlive", "true");
        return migrated(Dialect.POSTGRES, pool, currentSchema(jdbcUrl), clock);
    }

    private static SqlStorage migrated(Dialect dialect, HikariConfig pool, String schema, Clock clock) {
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to the " + dialect.name().toLowerCase(java.util.Locale.ROOT) + " database", e);
        }
        try {
            migrate(dialect, dataSource, schema);
        } catch (RuntimeException e) {
            dataSource.close();
            throw StoreErrors.translate(e);
        }
        return new SqlStorage(new SqlDatabase(dialect, dataSource), clock);
    }

    private static void migrate(Dialect dialect, HikariDataSource dataSource, String schema) {
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations());
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        flyway.load().migrate();
    }

    private static String currentSchema(String jdbcUrl) {
        Matcher matcher = CURRENT_SCHEMA.matcher(jdbcUrl);
        return matcher.find() ? URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8) : null;
    }
}
