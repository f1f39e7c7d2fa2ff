package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.time.Clock;

/** {@link TenantSidIsolationApiContract} over HTTP against PostgreSQL, a fresh schema per test. */
class PostgresTenantSidIsolationApiTest extends TenantSidIsolationApiContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
