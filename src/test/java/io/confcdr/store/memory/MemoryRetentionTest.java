package io.confcdr.store.memory;

import io.confcdr.store.RetentionContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link RetentionContract} against the in-memory reference store. */
class MemoryRetentionTest extends RetentionContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
