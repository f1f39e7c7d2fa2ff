package io.confcdr.store.sql;

import io.confcdr.store.RetentionContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link RetentionContract} against PostgreSQL, in a schema of its own. */
class PostgresRetentionTest extends RetentionContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
