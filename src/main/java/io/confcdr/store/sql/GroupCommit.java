package io.confcdr.store.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Runs small writes that arrive together in one transaction ({@link SqlDatabase#writeRecoverable}): the first
 * caller to find no transaction under way commits everything queued so far, one after the other in the order
 * queued, while later callers wait for it (or for the next one). Each write sees the ones before it, as if
 * they had run one transaction each, and all of a batch commits or none of it. A batch runs in the order of
 * its writes' keys (the subscription each changes), so two processes' batches lock rows in the same order and
 * cannot deadlock; a caller has one write queued at a time, so its own writes keep their order. For push bookkeeping: ten
 * subscriptions acknowledging at once cost one commit, one pass of SQLite's single-writer gate, one pooled
 * connection, instead of ten, so ingest waits behind fewer of them.
 */
final class GroupCommit {

    private final SqlDatabase db;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private List<Write<?>> queued = new ArrayList<>();
    private boolean committing;

    GroupCommit(SqlDatabase db) {
        this.db = db;
    }

    private static final class Write<T> {
        final String key;
        final Function<DSLContext, T> work;
        boolean done;
        T result;
        RuntimeException failure;

        Write(String key, Function<DSLContext, T> work) {
            this.key = key;
            this.work = work;
        }

        void run(DSLContext dsl) {
            result = work.apply(dsl);
        }
    }

    /**
     * Runs {@code work} in a transaction shared with the writes queued with it; returns its result once
     * committed. {@code key}: the row it changes, for the order of the batch.
     */
    <T> T write(String key, Function<DSLContext, T> work) {
        Write<T> mine = new Write<>(key, work);
        lock.lock();
        try {
            queued.add(mine);
            while (!mine.done) {
                if (committing) {
                    committed.awaitUninterruptibly();
                    continue;
                }
                committing = true;
                List<Write<?>> batch = queued;
                queued = new ArrayList<>();
                batch.sort(java.util.Comparator.comparing(write -> write.key));
                lock.unlock();
                RuntimeException failure = null;
                try {
                    db.writeRecoverable(dsl -> {
                        batch.forEach(write -> write.run(dsl));
                        return null;
                    });
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    lock.lock();
                }
                for (Write<?> write : batch) {
                    write.failure = failure;
                    write.done = true;
                }
                committing = false;
                committed.signalAll();
            }
            if (mine.failure != null) {
                throw mine.failure;
            }
            return mine.result;
        } finally {
            lock.unlock();
        }
    }
}
