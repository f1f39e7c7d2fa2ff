package io.confcdr.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The running total of an import: on a terminal one line redrawn in place (records, rate, elapsed), at most
 * a few times a second; elsewhere nothing until the end, so logs and pipes get plain lines only.
 */
final class ImportProgress {

    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastDrawn;
    private int drawnWidth;

    ImportProgress(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastDrawn = started;
    }

    /** {@code records} read so far; redraws the line when it is time. */
    void update(long records) {
        long now = nanoTime.getAsLong();
        if (!terminal || now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        String line = "imported " + records + " records, " + rate(records, now - started) + ", " + seconds(now - started);
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawnWidth = line.length();
    }

    /** Removes the progress line, so that another line (a rejection, the summary) starts clean. */
    void clear() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    /** The closing line: how many records in how long. */
    String finished(long records) {
        long elapsed = nanoTime.getAsLong() - started;
        return records + " records in " + seconds(elapsed) + " (" + rate(records, elapsed) + ")";
    }

    private static String rate(long records, long nanos) {
        long perSecond = nanos <= 0 ? records : Math.round(records / (nanos / 1e9));
        return perSecond + " records/s";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(nanos).toMillis() / 1000.0);
    }
}
