package io.confcdr.store.sql;

import io.confcdr.store.CdrScanContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link CdrScanContract} against PostgreSQL, in a schema of its own. */
class PostgresCdrScanTest extends CdrScanContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
