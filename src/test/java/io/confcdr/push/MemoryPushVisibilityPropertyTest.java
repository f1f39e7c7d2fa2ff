package io.confcdr.push;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;

/** {@link PushVisibilityPropertyContract} over the in-memory reference store. */
class MemoryPushVisibilityPropertyTest extends PushVisibilityPropertyContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }

    @Override
    protected int seeds() {
        return 30;
    }
}
