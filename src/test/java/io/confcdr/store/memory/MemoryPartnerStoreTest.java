package io.confcdr.store.memory;

import io.confcdr.store.PartnerStoreContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link PartnerStoreContract} against the in-memory reference store. */
class MemoryPartnerStoreTest extends PartnerStoreContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
