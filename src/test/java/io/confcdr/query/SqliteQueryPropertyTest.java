package io.confcdr.query;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The query language on the embedded SQLite store answers exactly what the reference evaluator answers. */
class SqliteQueryPropertyTest extends QueryPropertyContract {

    @TempDir
    static Path dataDir;

    @Override
    protected Storage openStorage() {
        return SqlStorageFactory.open(dataDir, null, Clock.systemUTC());
    }
}
