package io.confcdr.store.sql;

import io.confcdr.store.PartnerStoreContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link PartnerStoreContract} against PostgreSQL, in a schema of its own. */
class PostgresPartnerStoreTest extends PartnerStoreContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
