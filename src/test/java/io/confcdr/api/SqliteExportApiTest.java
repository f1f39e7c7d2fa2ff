package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.Storages;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.time.Clock;

/** {@link ExportApiContract} over HTTP against the Sqlite store, a fresh one per test. */
class SqliteExportApiTest extends ExportApiContract {

    @TempDir
    Path dataDir;

    @Override
    protected Storage newStore(Clock clock) {
        return Storages.open(dataDir, null, clock);
    }
}
