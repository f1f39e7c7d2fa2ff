package io.confcdr.store.sql;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** SQLite: the progress handler interrupts the statement; the pool's own timeout would be 30 s. */
class SqliteStatementDeadlineTest extends StatementDeadlineContract {

    @TempDir
    Path dataDir;

    @Override
    protected SqlStorage newStorage() {
        return (SqlStorage) SqlStorageFactory.open(dataDir, null, Clock.systemUTC(), POOL_SIZE);
    }

    @Override
    protected String endlessQuery() {
        return "with recursive n(x) as (select 1 union all select x + 1 from n where x < 2000000000) select count(*) from n";
    }
}
