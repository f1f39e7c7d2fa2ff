package io.confcdr.cli;

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

/** A consistent copy of the embedded store, taken while a server may be writing to it. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the embedded store to one file, online (SQLite's backup API); a server may keep "
                + "serving meanwhile. PostgreSQL: use pg_dump (docs/backup.md).")
final class BackupCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The backup file to write (must not exist).")
    Path output;

    BackupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StorageOptions.Location location = storage.location(context);
        if (!location.embedded()) {
            throw CliException.usage("backup copies the embedded SQLite store; back up PostgreSQL with pg_dump "
                    + "(see docs/backup.md)");
        }
        long started = System.nanoTime();
        SqliteBackup.Summary summary;
        try {
            summary = SqliteBackup.backup(location.dataDir(), output);
        } catch (UncheckedIOException e) {
            throw CliException.usage(BackupFiles.describe(e) + "; choose a writable place with --output");
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "backup of %s written to %s: %d records, %s in %.1f s%n",
                location.dataDir(), output, summary.records(), BackupFiles.size(summary.bytes()),
                (System.nanoTime() - started) / 1e9);
        return ExitCodes.OK;
    }
}
