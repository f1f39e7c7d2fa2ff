package io.confcdr.meeting;

import io.confcdr.store.sql.SqlStorageFactory;
import io.confcdr.store.Storage;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** Meetings against the brute force on the embedded SQLite store. */
class SqliteMeetingPropertyTest extends MeetingPropertyContract {

    @TempDir
    static Path dataDir;

    @Override
    protected Storage openStorage() {
        return SqlStorageFactory.open(dataDir, null, Clock.systemUTC());
    }
}
