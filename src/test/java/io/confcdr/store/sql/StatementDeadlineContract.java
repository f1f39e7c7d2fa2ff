package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.store.Deadline;
import io.confcdr.store.DeadlineExceededException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DeadlineGuard} on a real database: a statement still running when the request's deadline passes
 * is cut, and a wait for a pooled connection ends at the deadline, not at the pool's own timeout; either
 * way the connection is back in the pool and works.
 */
abstract class StatementDeadlineContract {

    static final Duration DEADLINE = Duration.ofMillis(500);
    static final long MARGIN_MILLIS = 700;
    /** Two: PostgreSQL's migration needs two connections at once. */
    static final int POOL_SIZE = 2;

    protected SqlStorage storage;

    /** A store with a pool of {@link #POOL_SIZE} connections. */
    protected abstract SqlStorage newStorage();

    /** A query that runs for many seconds without waiting on anything but the database's own work. */
    protected abstract String endlessQuery();

    @BeforeEach
    void open() {
        storage = newStorage();
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private SqlDatabase db() {
        return storage.database();
    }

    private static Deadline deadline() {
        return Deadline.total(Clock.systemUTC(), DEADLINE);
    }

    @Test
    void aStatementRunningPastTheDeadlineIsCancelledAndItsConnectionReturned() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Deadline.within(deadline(), () -> db().read(dsl -> dsl.fetchValue(endlessQuery()))))
                .isInstanceOf(DeadlineExceededException.class);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("ms to the failure").isBetween(DEADLINE.toMillis() - 50, DEADLINE.toMillis() + MARGIN_MILLIS);
        assertThat(db().connectionsInUse()).isZero();
        Object one = db().read(dsl -> dsl.fetchValue("select 1"));
        assertThat(one).isNotNull();
    }

    @Test
    void aWaitForAPooledConnectionEndsAtTheDeadline() throws Exception {
        var held = new CountDownLatch(POOL_SIZE);
        var release = new CountDownLatch(1);
        List<Thread> holders = new ArrayList<>();
        for (int i = 0; i < POOL_SIZE; i++) {
            holders.add(Thread.ofPlatform().start(() -> db().read(dsl -> dsl.connectionResult(connection -> {
                held.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }))));
        }
        try {
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            assertThatThrownBy(() -> Deadline.within(deadline(), () -> db().read(dsl -> dsl.fetchValue("select 1"))))
                    .isInstanceOf(DeadlineExceededException.class);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("ms to the failure").isBetween(DEADLINE.toMillis() - 50, DEADLINE.toMillis() + MARGIN_MILLIS);
        } finally {
            release.countDown();
            for (Thread holder : holders) {
                holder.join();
            }
        }
        Object one = db().read(dsl -> dsl.fetchValue("select 1"));
        assertThat(one).isNotNull();
    }
}
