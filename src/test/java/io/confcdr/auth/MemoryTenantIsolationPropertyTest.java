package io.confcdr.auth;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;

/** Tenant isolation over HTTP on the in-memory store. */
class MemoryTenantIsolationPropertyTest extends TenantIsolationPropertyContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage(Clock.systemUTC());
    }
}
