package io.confcdr.store.sql;

import io.confcdr.store.CdrOrderContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link CdrOrderContract} against PostgreSQL, in a schema of its own. */
class PostgresCdrOrderTest extends CdrOrderContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
