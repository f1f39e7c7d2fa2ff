package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.time.Clock;

/** {@link ExportApiContract} over HTTP against the Postgres store, a fresh one per test. */
class PostgresExportApiTest extends ExportApiContract {

    @Override
    protected Storage newStore(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
