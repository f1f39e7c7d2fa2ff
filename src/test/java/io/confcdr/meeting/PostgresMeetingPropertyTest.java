package io.confcdr.meeting;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.time.Clock;

/** Meetings against the brute force on PostgreSQL. */
class PostgresMeetingPropertyTest extends MeetingPropertyContract {

    @Override
    protected Storage openStorage() {
        return PostgresTestDatabase.open(getClass(), Clock.systemUTC());
    }
}
