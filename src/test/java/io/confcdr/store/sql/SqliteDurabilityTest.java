package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store acknowledges a batch only once it is on disk, and readers do not block the writer. */
class SqliteDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void embeddedStoreRunsInWalModeWithFullSynchronousCommits() {
        try (var storage = (SqlStorage) SqlStorageFactory.open(dataDir, null, Clock.systemUTC())) {
            var dsl = storage.database().dsl();

            assertThat(dsl.fetchValue("PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(dsl.fetchValue("PRAGMA synchronous")).hasToString("2");
            assertThat(dsl.fetchValue("PRAGMA foreign_keys")).hasToString("1");
        }
    }

    @Test
    void aRecoverableWriteCommitsRelaxedAndLeavesEveryPooledConnectionDurable() {
        try (var storage = (SqlStorage) SqlStorageFactory.open(dataDir, null, Clock.systemUTC())) {
            SqlDatabase db = storage.database();

            Object during = db.writeRecoverable(tx -> tx.fetchValue("PRAGMA synchronous"));
            assertThat(during).hasToString("1");
            // The pool is small: read on more connections than it has, each must be back to FULL.
            for (int i = 0; i < 20; i++) {
                Object after = db.write(tx -> tx.fetchValue("PRAGMA synchronous"));
                assertThat(after).hasToString("2");
            }
        }
    }
}
