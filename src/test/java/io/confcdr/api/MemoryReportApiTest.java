package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;

/** {@link ReportApiContract} over HTTP against the in-memory store. */
class MemoryReportApiTest extends ReportApiContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
