package io.confcdr.push;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** {@link PushVisibilityPropertyContract} over the embedded SQLite store, a fresh database per seed. */
class SqlitePushVisibilityPropertyTest extends PushVisibilityPropertyContract {

    @TempDir
    Path dataDir;

    private int seeds;

    /** A new database per seed. */
    @Override
    protected Storage newStorage(Clock clock) {
        return SqlStorageFactory.open(dataDir.resolve("seed-" + seeds++), null, clock);
    }
}
