package io.confcdr.store.sql;

import java.time.Clock;

/** PostgreSQL: the driver's cancel request ends the statement; the pool's own timeout would be 3 s. */
class PostgresStatementDeadlineTest extends StatementDeadlineContract {

    @Override
    protected SqlStorage newStorage() {
        return (SqlStorage) SqlStorageFactory.open(null, PostgresTestDatabase.freshSchemaUrl(getClass()), Clock.systemUTC(), POOL_SIZE);
    }

    @Override
    protected String endlessQuery() {
        return "select pg_sleep(20)";
    }
}
