package io.confcdr.meeting;

import io.confcdr.store.Storage;
import io.confcdr.store.Storages;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** Meetings against the brute force on the embedded SQLite store. */
class SqliteMeetingPropertyTest extends MeetingPropertyContract {

    @TempDir
    static Path dataDir;

    @Override
    protected Storage openStorage() {
        return Storages.open(dataDir, null, Clock.systemUTC());
    }
}
