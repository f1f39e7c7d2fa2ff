package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.time.Clock;

/** {@link CarrierxFilterExamplesContract} over HTTP against PostgreSQL, a fresh schema per test. */
class PostgresCarrierxFilterExamplesTest extends CarrierxFilterExamplesContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
