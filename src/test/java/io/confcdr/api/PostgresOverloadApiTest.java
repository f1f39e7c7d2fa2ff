package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.time.Clock;

/** {@link OverloadApiContract} against PostgreSQL (a pool of 10 connections). */
class PostgresOverloadApiTest extends OverloadApiContract {

    @Override
    protected Storage newStorage(Clock clock) {
        return PostgresTestDatabase.open(getClass(), clock);
    }
}
