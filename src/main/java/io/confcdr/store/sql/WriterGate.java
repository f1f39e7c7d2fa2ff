package io.confcdr.store.sql;

import java.util.concurrent.locks.ReentrantLock;

/** Where a database's writers wait before their transaction starts ({@link Dialect#writerGate}); one per database. */
interface WriterGate {

    void enter();

    /** Enters if it can within {@code millis}; false otherwise. */
    boolean tryEnter(long millis);

    void leave();

    /** Writers go straight to the database; it orders them itself where it has to. */
    WriterGate OPEN = new WriterGate() {
        @Override
        public void enter() {
        }

        @Override
        public boolean tryEnter(long millis) {
            return true;
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
        public boolean tryEnter(long millis) {
            try {
                return lock.tryLock(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void leave() {
            lock.unlock();
        }
    }
}
