package io.confcdr.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** The words {@code backup} and {@code restore} print about files. */
final class BackupFiles {

    private BackupFiles() {
    }

    /** "cannot write X (permission denied)": the operation and the reason, without a class name. */
    static String describe(UncheckedIOException e) {
        String reason = switch (e.getCause()) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "no such file or directory: " + missing.getFile();
            default -> e.getCause().getMessage();
        };
        return e.getMessage() + " (" + reason + ")";
    }

    static String size(long bytes) {
        return bytes < 1 << 20
                ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
