package io.confcdr.store.sql;

import io.confcdr.store.TokenStoreContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link TokenStoreContract} against PostgreSQL, in a schema of its own. */
class PostgresTokenStoreTest extends TokenStoreContract {

    @Override
    protected Storage openStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
