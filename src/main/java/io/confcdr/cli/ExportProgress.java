package io.confcdr.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** Records and rate on stderr: a line redrawn twice a second on a terminal, one summary line otherwise. */
final class ExportProgress {

    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastShown = started;

    ExportProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    void update(long records) {
        long now = System.nanoTime();
        if (terminal && now - lastShown > 500_000_000L) {
            lastShown = now;
            err.print("\r" + line(records, now));
            err.flush();
        }
    }

    void done(long records) {
        err.println((terminal ? "\r" : "") + line(records, System.nanoTime()));
        err.flush();
    }

    private String line(long records, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        return String.format(Locale.ROOT, "exported %d records in %.1f s (%.0f records/s)", records, seconds, records / seconds);
    }
}
