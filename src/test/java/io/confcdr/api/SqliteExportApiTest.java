package io.confcdr.api;

import io.confcdr.store.sql.SqlStorageFactory;
import io.confcdr.store.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.time.Clock;

/** {@link ExportApiContract} over HTTP against the Sqlite store, a fresh one per test. */
class SqliteExportApiTest extends ExportApiContract {

    @TempDir
    Path dataDir;

    @Override
    protected Storage newStore(Clock clock) {
        return SqlStorageFactory.open(dataDir, null, clock);
    }
}
