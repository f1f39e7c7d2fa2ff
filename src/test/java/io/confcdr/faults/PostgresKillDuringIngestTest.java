package io.confcdr.faults;

import io.confcdr.store.sql.PostgresTestDatabase;
import io.confcdr.store.sql.SqlStorageFactory;
import java.nio.file.Path;

class PostgresKillDuringIngestTest extends KillDuringIngestContract {

    @Override
    protected ChildServer serverOverFreshStore(Path dir, Path log, TenantHolder seeded) {
        String url = PostgresTestDatabase.freshSchemaUrl(getClass());
        seeded.tenant = Tenant.seed(SqlStorageFactory.open(null, url));
        return ChildServer.onPostgres(url, log);
    }
}
