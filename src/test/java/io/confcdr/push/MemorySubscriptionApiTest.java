package io.confcdr.push;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;

/** {@link SubscriptionApiContract} over the in-memory reference store. */
class MemorySubscriptionApiTest extends SubscriptionApiContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
