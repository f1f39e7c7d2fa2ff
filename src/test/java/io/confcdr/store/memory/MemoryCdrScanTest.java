package io.confcdr.store.memory;

import io.confcdr.store.CdrScanContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link CdrScanContract} against the in-memory reference store. */
class MemoryCdrScanTest extends CdrScanContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
