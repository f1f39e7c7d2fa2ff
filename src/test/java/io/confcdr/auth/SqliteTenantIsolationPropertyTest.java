package io.confcdr.auth;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** Tenant isolation over HTTP on the embedded SQLite store. */
class SqliteTenantIsolationPropertyTest extends TenantIsolationPropertyContract {

    @TempDir
    static Path dataDir;

    @Override
    protected Storage openStorage() {
        return SqlStorageFactory.open(dataDir, null, Clock.systemUTC());
    }
}
