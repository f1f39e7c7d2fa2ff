package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;

/** {@link CarrierxFilterExamplesContract} over HTTP against the in-memory reference store. */
class MemoryCarrierxFilterExamplesTest extends CarrierxFilterExamplesContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
