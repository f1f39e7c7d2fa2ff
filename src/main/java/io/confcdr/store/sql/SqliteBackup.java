package io.confcdr.store.sql;

import io.confcdr.store.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * Online copies of the embedded store with SQLite's backup API (sqlite3_backup_*), taken while a server writes
 * to it, and their restoration into a data directory.
 *
 * <p>The copy is made in one backup step: SQLite copies every page inside one read transaction, so the copy is
 * the store as of one commit, and in WAL mode writers (in this process or another) go on meanwhile. A
 * step-by-step copy would restart whenever another connection writes, which under continuous ingest may be
 * forever. The backup API was chosen over {@code VACUUM INTO} because it copies pages instead of rebuilding
 * every table and index, and takes no SQL text (the output path is an argument, never pasted into a statement).
 */
public final class SqliteBackup {

    /** The store's file inside its data directory; {@code -wal} and {@code -shm} files sit beside it. */
    public static final String DATABASE_FILE = "confcdr.db";
    private static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");
    private static final int ALL_PAGES_AT_ONCE = -1;
    private static final int BUSY_SLEEP_MILLIS = 100;
    private static final int BUSY_RETRIES = 100;

    /** What a backup or restore holds: records and size, for the operator's summary line. */
    public record Summary(long records, long bytes) {
    }

    private SqliteBackup() {
    }

    /**
     * Copies the store in {@code dataDir} to {@code output} (which must not exist) and checks the copy.
     *
     * @throws IllegalArgumentException when there is no store in {@code dataDir} or {@code output} exists
     */
    public static Summary backup(Path dataDir, Path output) {
        Path database = dataDir.resolve(DATABASE_FILE);
        if (!Files.isRegularFile(database)) {
            throw new IllegalArgumentException("no confcdr store in " + dataDir + " (" + DATABASE_FILE + " is missing)");
        }
        if (Files.exists(output)) {
            throw new IllegalArgumentException(output + " exists already; give a new file name");
        }
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            try (Connection source = open(database, false)) {
                int result = source.unwrap(SQLiteConnection.class).getDatabase().backup("main",
                        partial.toAbsolutePath().toString(), null, BUSY_SLEEP_MILLIS, BUSY_RETRIES, ALL_PAGES_AT_ONCE);
                if (result != 0) {
                    throw new StoreUnavailableException("SQLite's backup of " + database + " failed with code " + result, null);
                }
            }
            Summary summary = checked(partial);
            Files.move(partial, output, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot back up " + database + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // Best effort: the partial file is named as such.
            }
        }
    }

    /** True when {@code dataDir} holds a store (a database file with content). */
    public static boolean holdsStore(Path dataDir) {
        Path database = dataDir.resolve(DATABASE_FILE);
        try {
            return Files.isRegularFile(database) && Files.size(database) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Puts the backup {@code input} in place as the store of {@code dataDir}, after checking it. The caller has
     * made sure no server uses {@code dataDir} and that replacing a store there is wanted.
     *
     * @throws IllegalArgumentException when {@code input} is not a sound confcdr backup
     */
    public static Summary restore(Path input, Path dataDir) {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException(input + " is not a file");
        }
        Summary summary = checked(input);
        Path database = dataDir.resolve(DATABASE_FILE);
        Path incoming = dataDir.resolve(DATABASE_FILE + ".restoring");
        try {
            Files.createDirectories(dataDir);
            Files.copy(input, incoming, StandardCopyOption.REPLACE_EXISTING);
            for (String side : SIDE_FILES) {
                Files.deleteIfExists(dataDir.resolve(DATABASE_FILE + side));
            }
            Files.move(incoming, database, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the store in " + dataDir, e);
        }
    }

    /** Integrity check and record count of a backup file; refuses a file that is not a confcdr store. */
    private static Summary checked(Path file) {
        try (Connection connection = open(file, true); Statement statement = connection.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
                check.next();
                String answer = check.getString(1);
                if (!"ok".equals(answer)) {
                    throw new IllegalArgumentException(file + " fails SQLite's integrity check: " + answer);
                }
            }
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM cdr")) {
                count.next();
                return new Summary(count.getLong(1), Files.size(file));
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(file + " is not a confcdr store: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(10_000);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    /** SQLite's words without the driver's "[SQLITE_NOTADB] " prefix. */
    private static String firstLine(String message) {
        String line = message == null ? "unreadable" : message.lines().findFirst().orElse(message);
        return line.replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
    }
}
