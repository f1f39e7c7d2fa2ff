package io.confcdr.fuzz;

import io.confcdr.store.sql.SqlStorageFactory;
import io.confcdr.store.Storage;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

class SqliteLiveFuzzTest extends LiveFuzzContract {

    @TempDir
    Path dataDir;

    @Override
    protected Storage newStorage(Clock clock) {
        return SqlStorageFactory.open(dataDir, null, clock);
    }
}
