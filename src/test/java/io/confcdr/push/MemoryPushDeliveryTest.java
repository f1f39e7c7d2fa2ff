package io.confcdr.push;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;

/** {@link PushDeliveryContract} over the in-memory reference store. */
class MemoryPushDeliveryTest extends PushDeliveryContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
