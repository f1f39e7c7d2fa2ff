package io.confcdr.faults;

import io.confcdr.store.sql.PostgresTestDatabase;
import io.confcdr.store.sql.SqlStorageFactory;
import java.nio.file.Path;

class PostgresKillDuringDeliveryTest extends KillDuringDeliveryContract {

    @Override
    protected ChildServer serverOverFreshStore(Path dir, Path log, KillDuringIngestContract.TenantHolder seeded) {
        String url = PostgresTestDatabase.freshSchemaUrl(getClass());
        seeded.tenant = Tenant.seed(SqlStorageFactory.open(null, url));
        // The restarted process has a new identity: the dead one's lease must run out before it delivers again.
        return ChildServer.onPostgres(url, log, "--allow-private-webhooks", "--webhook-lease", "5");
    }
}
