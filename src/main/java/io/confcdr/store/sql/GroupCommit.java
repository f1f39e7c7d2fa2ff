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
 * its writes' keys (the subscription each changes), so that batches would lock rows in the same order; a
 * caller has one write queued at a time, so its own writes keep their order. For push bookkeeping on SQLite:
 * ten subscriptions acknowledging at once cost one commit, one pass of the single-writer gate, one pooled
 * connection, instead of ten, so ingest waits behind fewer of them. Where writers do not queue
 * ({@link #forDatabase}: PostgreSQL), each write is its own transaction, run in parallel with the others:
 * batching them there made every subscription wait for the slowest write of its batch, measured slower.
 */
final class GroupCommit {

    private final SqlDatabase db;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private List<Write<?>> queued = new ArrayList<>();
    private boolean committing;

    private final boolean batched;

    /** Batches every write. */
    GroupCommit(SqlDatabase db) {
        this(db, true);
    }

    private GroupCommit(SqlDatabase db, boolean batched) {
        this.db = db;
        this.batched = batched;
    }

    /** Batches where the database's writers queue one at a time anyway (SQLite); elsewhere writes run alone. */
    static GroupCommit forDatabase(SqlDatabase db) {
        return new GroupCommit(db, db.dialect().writerGate() != WriterGate.OPEN);
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
        if (!batched) {
            return db.writeRecoverable(work);
        }
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
