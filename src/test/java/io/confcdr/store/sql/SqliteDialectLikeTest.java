package io.confcdr.store.sql;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** {@link DialectLikeContract} on SQLite: case-sensitive {@code like} is GLOB, {@code ilike} is LIKE. */
class SqliteDialectLikeTest extends DialectLikeContract {

    @TempDir
    static Path dataDir;

    @Override
    protected SqlStorage openStorage(Clock clock) {
        return SqlStorageFactory.sqlite(dataDir, clock);
    }
}
