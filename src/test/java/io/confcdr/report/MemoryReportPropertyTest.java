package io.confcdr.report;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;

/** Reports against the brute force, over HTTP on the in-memory store. */
class MemoryReportPropertyTest extends ReportPropertyContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage(Clock.systemUTC());
    }
}
