package io.confcdr.store.sql;

import io.confcdr.store.RetentionContract;
import io.confcdr.store.Storage;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** {@link RetentionContract} against the embedded SQLite store in a temporary data directory. */
class SqliteRetentionTest extends RetentionContract {

    @TempDir
    static Path dataDir;

    @Override
    protected Storage openStorage(Clock clock) {
        return SqlStorageFactory.open(dataDir, null, clock);
    }
}
