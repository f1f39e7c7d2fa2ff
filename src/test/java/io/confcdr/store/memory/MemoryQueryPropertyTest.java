package io.confcdr.store.memory;

import io.confcdr.query.QueryPropertyContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** The memory store against the reference: checks the contract's own plumbing, since both share the evaluator. */
class MemoryQueryPropertyTest extends QueryPropertyContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage(Clock.systemUTC());
    }
}
