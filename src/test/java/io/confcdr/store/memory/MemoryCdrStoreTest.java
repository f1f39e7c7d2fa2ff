package io.confcdr.store.memory;

import io.confcdr.store.CdrStoreContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link CdrStoreContract} against the in-memory reference store. */
class MemoryCdrStoreTest extends CdrStoreContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
