package io.confcdr.faults;

import io.confcdr.store.sql.SqlStorageFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

class SqliteKillDuringDeliveryTest extends KillDuringDeliveryContract {

    @Override
    protected ChildServer serverOverFreshStore(Path dir, Path log, KillDuringIngestContract.TenantHolder seeded) {
        Path data = dir.resolve("data");
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seeded.tenant = Tenant.seed(SqlStorageFactory.open(data, null));
        // The restarted process has a new identity: the dead one's lease must run out before it delivers again.
        return ChildServer.onSqlite(data, log, "--allow-private-webhooks", "--webhook-lease", "5");
    }
}
