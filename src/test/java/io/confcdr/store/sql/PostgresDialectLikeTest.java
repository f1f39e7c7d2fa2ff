package io.confcdr.store.sql;

import java.time.Clock;

/** {@link DialectLikeContract} on PostgreSQL: LIKE and ILIKE with backslashes doubled. */
class PostgresDialectLikeTest extends DialectLikeContract {

    @Override
    protected SqlStorage openStorage(Clock clock) {
        return (SqlStorage) PostgresTestDatabase.open(getClass(), clock);
    }
}
