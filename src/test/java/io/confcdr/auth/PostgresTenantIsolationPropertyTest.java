package io.confcdr.auth;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.time.Clock;

/** Tenant isolation over HTTP on PostgreSQL. */
class PostgresTenantIsolationPropertyTest extends TenantIsolationPropertyContract {

    @Override
    protected Storage openStorage() {
        return PostgresTestDatabase.open(getClass(), Clock.systemUTC());
    }
}
