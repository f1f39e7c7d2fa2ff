package io.confcdr.push;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.time.Clock;

/** {@link PushDeliveryContract} over PostgreSQL, a fresh schema per test. */
class PostgresPushDeliveryTest extends PushDeliveryContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
