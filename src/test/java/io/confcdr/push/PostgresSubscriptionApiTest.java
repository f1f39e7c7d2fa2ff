package io.confcdr.push;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.time.Clock;

/** {@link SubscriptionApiContract} over PostgreSQL, a fresh schema per test. */
class PostgresSubscriptionApiTest extends SubscriptionApiContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
