package io.confcdr.query;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.time.Clock;

/** The query language on PostgreSQL answers exactly what the reference evaluator answers. */
class PostgresQueryPropertyTest extends QueryPropertyContract {

    @Override
    protected Storage openStorage() {
        return PostgresTestDatabase.open(getClass(), Clock.systemUTC());
    }
}
