package io.confcdr.store.sql;

import io.confcdr.store.CdrStoreContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link CdrStoreContract} against PostgreSQL, in a schema of its own. */
class PostgresCdrStoreTest extends CdrStoreContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
