package io.confcdr.report;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.time.Clock;

/** Reports against the brute force, over HTTP on PostgreSQL. */
class PostgresReportPropertyTest extends ReportPropertyContract {

    @Override
    protected Storage openStorage() {
        return PostgresTestDatabase.open(getClass(), Clock.systemUTC());
    }
}
