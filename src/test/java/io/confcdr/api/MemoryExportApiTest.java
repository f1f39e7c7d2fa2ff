package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;

/** {@link ExportApiContract} over HTTP against the Memory store, a fresh one per test. */
class MemoryExportApiTest extends ExportApiContract {

    @Override
    protected Storage newStore(Clock clock) {
        return new MemoryStorage(clock);
    }
}
