package io.confcdr.store;

import java.nio.file.Path;

/**
 * Opens the configured database: the embedded SQLite store in a data directory (the default), or
 * PostgreSQL for a {@code jdbc:postgresql:} URL. Migrates the schema before returning.
 */
public final class Storages {

    private Storages() {
    }

    /** @param jdbcUrl null for the embedded store in {@code dataDir} */
    public static Storage open(Path dataDir, String jdbcUrl) {
        throw new UnsupportedOperationException("TODO(store): open SQLite or PostgreSQL");
    }
}
