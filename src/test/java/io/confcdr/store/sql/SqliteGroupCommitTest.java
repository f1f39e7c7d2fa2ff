package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes committed together by {@link GroupCommit} behave as if each had committed alone, one after the other. */
class SqliteGroupCommitTest {

    @TempDir
    Path dataDir;

    private SqlStorage storage;
    private SqlDatabase db;

    @BeforeEach
    void open() {
        storage = (SqlStorage) SqlStorageFactory.open(dataDir, null, Clock.systemUTC());
        db = storage.database();
        db.write(dsl -> dsl.execute("CREATE TABLE counter (k TEXT PRIMARY KEY, n INTEGER NOT NULL)"));
        db.write(dsl -> dsl.execute("INSERT INTO counter VALUES ('a', 0), ('b', 0)"));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static int increment(org.jooq.DSLContext dsl, String key) {
        dsl.execute("UPDATE counter SET n = n + 1 WHERE k = ?", key);
        return dsl.fetchOne("SELECT n FROM counter WHERE k = ?", key).get(0, Integer.class);
    }

    @Test
    void concurrentWritesAllCommitAndEachSeesTheOnesBeforeIt() throws InterruptedException {
        var commits = new GroupCommit(db);
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String key = t % 2 == 0 ? "a" : "b";
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 10; i++) {
                    int n = commits.write(key, dsl -> increment(dsl, key));
                    seen.add(key.equals("a") ? n : -n);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int sum = db.read(dsl -> dsl.fetchOne("SELECT sum(n) FROM counter").get(0, Integer.class));
        assertThat(sum).isEqualTo(80);
        assertThat(seen).as("every write saw a different count: none ran on a stale view").hasSize(80);
    }

    @Test
    void aFailedWriteThrowsToItsCallerAndLaterWritesGoOn() {
        var commits = new GroupCommit(db);
        assertThatThrownBy(() -> commits.write("a", dsl -> dsl.execute("UPDATE no_such_table SET x = 1")))
                .isInstanceOf(RuntimeException.class);
        int first = commits.write("a", dsl -> increment(dsl, "a"));
        assertThat(first).isEqualTo(1);
        int stored = db.read(dsl -> dsl.fetchOne("SELECT n FROM counter WHERE k = 'a'").get(0, Integer.class));
        assertThat(stored).isEqualTo(1);
    }
}
