package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** {@link TenantSidIsolationApiContract} over HTTP against the embedded SQLite store, a fresh database per test. */
class SqliteTenantSidIsolationApiTest extends TenantSidIsolationApiContract {

    @TempDir
    Path dataDir;

    @Override
    protected Storage newStorage(Clock clock) {
        return SqlStorageFactory.open(dataDir, null, clock);
    }
}
