package io.confcdr.store;

import io.confcdr.store.sql.SqlStorageFactory;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the configured database: the embedded SQLite store in a data directory (the default), or
 * PostgreSQL for a {@code jdbc:postgresql:} URL. Migrates the schema before returning.
 */
public final class Storages {

    private Storages() {
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
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            if (dataDir == null) {
                throw new IllegalArgumentException("the embedded store needs a data directory");
            }
            return SqlStorageFactory.sqlite(dataDir, clock);
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SqlStorageFactory.postgres(jdbcUrl, clock);
        }
        throw new IllegalArgumentException(
                "unsupported database URL: only jdbc:postgresql: URLs are supported (or none, for the embedded SQLite store)");
    }
}
