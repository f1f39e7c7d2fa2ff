package io.confcdr.store.sql;

import io.confcdr.store.SqlSourceStoreContract;
import io.confcdr.store.Storage;
import java.time.Clock;

/** {@link SqlSourceStoreContract} against PostgreSQL, in a schema of its own that the restart opens again. */
class PostgresSourceStoreTest extends SqlSourceStoreContract {

    private String url;

    @Override
    protected Storage openStorage(Clock clock) {
        url = PostgresTestDatabase.freshSchemaUrl(getClass());
        return SqlStorageFactory.open(null, url, clock);
    }

    @Override
    protected Storage reopenStorage(Clock clock) {
        return SqlStorageFactory.open(null, url, clock);
    }
}
