package io.confcdr.store.sql;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

class SqliteSlotSummaryTest extends SlotSummaryContract {

    @TempDir
    Path dataDir;

    @Override
    protected SqlStorage open(boolean fresh) {
        return SqlStorageFactory.sqlite(dataDir, Clock.systemUTC());
    }
}
