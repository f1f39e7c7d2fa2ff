package io.confcdr.store.sql;

import io.confcdr.store.SqlSourceStoreContract;
import io.confcdr.store.Storage;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** {@link SqlSourceStoreContract} against the embedded SQLite store in a temporary data directory. */
class SqliteSourceStoreTest extends SqlSourceStoreContract {

    @TempDir
    static Path dataDir;

    @Override
    protected Storage openStorage(Clock clock) {
        return SqlStorageFactory.open(dataDir, null, clock);
    }

    @Override
    protected Storage reopenStorage(Clock clock) {
        return SqlStorageFactory.open(dataDir, null, clock);
    }
}
