package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;

/** {@link QueryEncodingApiContract} over HTTP against the in-memory store. */
class MemoryQueryEncodingApiTest extends QueryEncodingApiContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }
}
