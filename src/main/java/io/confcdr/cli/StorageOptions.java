package io.confcdr.cli;

import io.confcdr.boot.Services;
import io.confcdr.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the data lives: {@code --data} for the embedded store, or {@code --db} for PostgreSQL. An option wins
 * over the environment ({@code CONFCDR_DATA}, {@code CONFCDR_DB}); naming both stores at the same level is a
 * usage error instead of a silent choice of one.
 */
final class StorageOptions {

    static final Path DEFAULT_DATA = Path.of("./data");

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory of the embedded store (env CONFCDR_DATA, default ./data).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL instead of the embedded store (env CONFCDR_DB).")
    String jdbcUrl;

    /** The store the options and the environment name: a data directory, or a JDBC URL. */
    record Location(Path dataDir, String jdbcUrl) {
        boolean embedded() {
            return jdbcUrl == null;
        }

        String describe() {
            return embedded() ? "the store in " + dataDir : "the database " + jdbcUrl.replaceAll("[?].*", "");
        }
    }

    Location location(CliContext context) {
        String db = blankToNull(jdbcUrl);
        if (dataDir != null && db != null) {
            throw CliException.usage("--data and --db name two stores; give --data DIR for the embedded store "
                    + "or --db JDBC_URL for PostgreSQL, not both");
        }
        if (dataDir != null) {
            return new Location(dataDir, null);
        }
        if (db != null) {
            return new Location(null, db);
        }
        String envData = blankToNull(context.env().apply("CONFCDR_DATA"));
        String envDb = blankToNull(context.env().apply("CONFCDR_DB"));
        if (envData != null && envDb != null) {
            throw CliException.usage("CONFCDR_DATA and CONFCDR_DB are both set and name two stores; unset one, "
                    + "or choose on the command line with --data or --db");
        }
        if (envDb != null) {
            return new Location(null, envDb);
        }
        return new Location(envData == null ? DEFAULT_DATA : Path.of(envData), null);
    }

    Services open(CliContext context) {
        Location location = location(context);
        return opened(location, () -> context.services().open(location.dataDir(), location.jdbcUrl()));
    }

    /** Opens the store at {@code location}; an embedded store SQLite cannot open is a usage error naming it. */
    static Services opened(Location location, java.util.function.Supplier<Services> opener) {
        try {
            return opener.get();
        } catch (StoreUnavailableException e) {
            if (!location.embedded()) {
                throw e;
            }
            // SQLite cannot open its file: the directory or file is not ours to write, or not a database.
            throw CliException.usage("cannot open " + location.describe() + ": " + rootMessage(e)
                    + "; choose another directory with --data");
        }
    }

    /** The embedded store's directory is created on first use, so a fresh checkout just works. */
    static Path createdIfEmbedded(Path dataDir, String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw CliException.usage("cannot use " + dataDir + " as the data directory: " + reason(e)
                        + "; choose another with --data");
            }
            if (!Files.isReadable(dataDir) || !Files.isWritable(dataDir)) {
                throw CliException.usage("cannot use " + dataDir + " as the data directory: permission denied"
                        + "; choose another with --data");
            }
        }
        return dataDir;
    }

    /** What went wrong with a path, in words (the JDK's messages are often just the path again). */
    static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case FileAlreadyExistsException exists -> exists.getFile() + " exists and is not a directory";
            case FileSystemException fs when fs.getReason() != null -> fs.getReason().toLowerCase(java.util.Locale.ROOT);
            default -> e.getMessage();
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
