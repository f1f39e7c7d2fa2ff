package io.confcdr.push;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.time.Clock;

/** {@link PushVisibilityPropertyContract} over PostgreSQL, a fresh schema per test. */
class PostgresPushVisibilityPropertyTest extends PushVisibilityPropertyContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
