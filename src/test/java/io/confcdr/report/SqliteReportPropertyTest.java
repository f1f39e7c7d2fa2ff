package io.confcdr.report;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** Reports against the brute force, over HTTP on the embedded SQLite store. */
class SqliteReportPropertyTest extends ReportPropertyContract {

    @TempDir
    static Path dataDir;

    @Override
    protected Storage openStorage() {
        return SqlStorageFactory.open(dataDir, null, Clock.systemUTC());
    }
}
