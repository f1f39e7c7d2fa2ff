package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;

class MemoryTenantSidIsolationApiTest extends TenantSidIsolationApiContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
