package io.confcdr.store.memory;

import io.confcdr.store.TokenStoreContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link TokenStoreContract} against the in-memory reference store. */
class MemoryTokenStoreTest extends TokenStoreContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
