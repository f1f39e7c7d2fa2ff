package io.confcdr.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The bytes of an export on their way to the file: counts complete records (line ends, outside quotes for
 * CSV) for progress, and drops the CSV header row when appending to a file that has one.
 */
final class ExportOutput extends FilterOutputStream {

    private final boolean csv;
    private boolean skippingHeader;
    private boolean headerSeen;
    private boolean quoted;
    private long records;

    ExportOutput(OutputStream out, boolean csv, boolean skipHeader) {
        super(out);
        this.csv = csv;
        this.skippingHeader = skipHeader;
        this.headerSeen = !csv;
    }

    @Override
    public void write(int b) throws IOException {
        if (skippingHeader) {
            skippingHeader = b != '\n';
            headerSeen = true;
            return;
        }
        out.write(b);
        if (csv && b == '"') {
            quoted = !quoted;
        } else if (b == '\n' && !quoted) {
            if (headerSeen) {
                records++;
            }
            headerSeen = true;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Complete records written so far (the header row not counted). */
    long records() {
        return records;
    }

    /** Flushes without closing what it wraps (standard output stays open). */
    @Override
    public void close() throws IOException {
        flush();
    }
}
