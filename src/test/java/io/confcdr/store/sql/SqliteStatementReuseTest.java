package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.query.Visibility;
import io.confcdr.store.Storage;
import io.confcdr.store.TestRecords;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record read by call_sid runs on a statement kept prepared on its connection between requests. Kept
 * statements must not keep a read transaction open: on SQLite that would pin the WAL, so the write-ahead
 * log could never be checkpointed back into the database and would grow without bound.
 */
class SqliteStatementReuseTest {

    /** SqlStorageFactory's SQLite pool size. */
    private static final int POOL_SIZE = 4;

    @TempDir
    Path dataDir;

    private final TestRecords records = new TestRecords();
    private Storage storage;

    @BeforeEach
    void open() {
        storage = SqlStorageFactory.open(dataDir, null, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void readsByCallSidLeaveNoSnapshotThatBlocksAFullCheckpoint() throws SQLException {
        storage.cdrs().insert(List.of(records.call("first").build(), records.call("second").build()));
        Visibility visibility = Visibility.of(records.partnerSid());
        for (int i = 0; i < 20; i++) {
            assertThat(storage.cdrs().find(records.sid("missing"), visibility)).isEmpty();
            assertThat(storage.cdrs().find(records.sid("first"), visibility)).isPresent();
        }
        storage.cdrs().insert(List.of(records.call("third").build()));

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("confcdr.db"));
                Statement statement = other.createStatement();
                ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            checkpoint.next();
            assertThat(checkpoint.getInt(1)).as("checkpoint blocked by a reader").isZero();
        }
    }

    @Test
    void statementsKeptForConnectionsThePoolClosedAreReleased() throws InterruptedException {
        SqlDatabase db = ((SqlStorage) storage).database();
        storage.cdrs().insert(List.of(records.call("kept").build()));
        Visibility visibility = Visibility.of(records.partnerSid());
        for (int round = 0; round < 6; round++) {
            db.evictIdleConnections();
            assertThat(storage.cdrs().find(records.sid("kept"), visibility)).isPresent();
        }

        // The pool closes evicted connections on a thread of its own; the next new connection sweeps them.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (db.connectionsWithKeptStatements() > POOL_SIZE && System.nanoTime() < deadline) {
            Thread.sleep(50);
            db.evictIdleConnections();
            assertThat(storage.cdrs().find(records.sid("kept"), visibility)).isPresent();
        }
        assertThat(db.connectionsWithKeptStatements()).isLessThanOrEqualTo(POOL_SIZE);
    }

    @Test
    void aKeptStatementSeesRecordsCommittedAfterItWasPrepared() {
        Visibility visibility = Visibility.of(records.partnerSid());
        assertThat(storage.cdrs().find(records.sid("late"), visibility)).isEmpty();
        Cdr late = records.call("late").build();

        storage.cdrs().insert(List.of(late));

        for (int i = 0; i < 8; i++) {
            assertThat(storage.cdrs().find(records.sid("late"), visibility)).get()
                    .extracting(Cdr::callSid).isEqualTo(late.callSid());
        }
    }
}
