package io.confcdr.faults;

import io.confcdr.store.sql.SqlStorageFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

class SqliteKillDuringIngestTest extends KillDuringIngestContract {

    @Override
    protected ChildServer serverOverFreshStore(Path dir, Path log, TenantHolder seeded) {
        Path data = dir.resolve("data");
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seeded.tenant = Tenant.seed(SqlStorageFactory.open(data, null));
        return ChildServer.onSqlite(data, log);
    }
}
