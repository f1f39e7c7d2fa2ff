package io.confcdr.cli;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives: {@code --data} for the embedded store, or {@code --db} for PostgreSQL. */
final class StorageOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CONFCDR_DATA:-./data}",
            description = "Directory of the embedded store (env CONFCDR_DATA, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:CONFCDR_DB}",
            description = "PostgreSQL JDBC URL instead of the embedded store (env CONFCDR_DB).")
    String jdbcUrl;

    Storage open(CliContext context) {
        return context.storageOpener().open(dataDir, jdbcUrl == null || jdbcUrl.isBlank() ? null : jdbcUrl);
    }

    /** The embedded store's directory is created on first use, so a fresh checkout just works. */
    static Storage openCreatingDataDir(Path dataDir, String jdbcUrl) {
        if (jdbcUrl == null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw CliException.usage("cannot create data directory " + dataDir + ": " + e.getMessage());
            }
        }
        return SqlStorageFactory.open(dataDir, jdbcUrl);
    }
}
