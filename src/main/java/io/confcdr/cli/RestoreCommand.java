package io.confcdr.cli;

import io.confcdr.boot.Services;
import io.confcdr.store.sql.SqliteBackup;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A backup made by {@code backup} put in place as the embedded store, checked first and migrated after (a backup
 * of an older confcdr comes up to this version's schema). Never over an existing store unless told to.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup file as the embedded store of --data (stop any server using it first).")
final class RestoreCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The backup file to restore.")
    Path input;

    @Option(names = "--force", description = "Replace the store already in the data directory.")
    boolean force;

    RestoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StorageOptions.Location location = storage.location(context);
        if (!location.embedded()) {
            throw CliException.usage("restore fills the embedded SQLite store; restore PostgreSQL with pg_restore "
                    + "(see docs/backup.md)");
        }
        Path dataDir = location.dataDir();
        if (SqliteBackup.holdsStore(dataDir) && !force) {
            throw CliException.usage(dataDir + " holds a store already; restore into an empty directory, or give "
                    + "--force to replace it (stop the server using it first)");
        }
        SqliteBackup.Summary summary;
        try {
            summary = SqliteBackup.restore(input, dataDir);
        } catch (UncheckedIOException e) {
            throw CliException.usage(BackupFiles.describe(e) + "; choose a writable directory with --data");
        }
        try (Services migrated = context.services().open(dataDir, null)) {
            // Opening migrates the restored schema to this version; nothing else to do.
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "restored %s into %s: %d records, %s%n",
                input, dataDir, summary.records(), BackupFiles.size(summary.bytes()));
        return ExitCodes.OK;
    }
}
