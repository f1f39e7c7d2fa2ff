package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** On SQLite an ingest waits for another connection's write lock: the deadline ends the wait, not the busy timeout. */
class SqliteRequestDeadlineApiTest extends RequestDeadlineApiContract {

    @TempDir
    Path dataDir;

    @Override
    protected Storage newStorage(Clock clock) {
        return SqlStorageFactory.open(dataDir, null, clock, POOL_SIZE);
    }

    @Override
    protected AutoCloseable holdLock() throws Exception {
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("confcdr.db").toAbsolutePath());
        other.createStatement().execute("BEGIN IMMEDIATE");
        return other;
    }

    @Override
    protected HttpRequest.Builder blockedRequest() {
        return HttpRequest.newBuilder(URI.create(url("/ingest/v1/conference/calls")))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + acmeIngest)
                .POST(HttpRequest.BodyPublishers.ofString(ndjson(List.of(Calls.leg(2, ACME)))));
    }
}
