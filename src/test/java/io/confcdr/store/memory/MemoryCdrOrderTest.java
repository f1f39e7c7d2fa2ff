package io.confcdr.store.memory;

import io.confcdr.store.CdrOrderContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link CdrOrderContract} against the in-memory reference store. */
class MemoryCdrOrderTest extends CdrOrderContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
