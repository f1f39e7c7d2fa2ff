package io.confcdr.store.sql;

import java.util.concurrent.locks.ReentrantLock;

/** Where a database's writers wait before their transaction starts ({@link Dialect#writerGate}); one per database. */
interface WriterGate {

    void enter();

    void leave();

    /** Writers go straight to the database; it orders them itself where it has to. */
    WriterGate OPEN = new WriterGate() {
        @Override
        public void enter() {
        }

        @Override
        public void leave() {
        }
    };

    /** One writer at a time, queued in the JVM (cheaper than spinning on the database's busy timeout). */
    final class OneAtATime implements WriterGate {

        private final ReentrantLock lock = new ReentrantLock();

        @Override
        public void enter() {
            lock.lock();
        }

        @Override
        public void leave() {
            lock.unlock();
        }
    }
}
