package io.confcdr.store.memory;

import io.confcdr.store.SourceStoreContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link SourceStoreContract} against the in-memory reference store. */
class MemorySourceStoreTest extends SourceStoreContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
