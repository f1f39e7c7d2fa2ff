package io.confcdr.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Splits an NDJSON stream into batches of at most {@code maxRecords} non-blank lines (or about
 * {@code maxBytes}), so a file of any size is imported with bounded memory. Each batch remembers the
 * line number of each of its records, to report rejections where the user can find them.
 */
final class NdjsonBatches implements Iterator<NdjsonBatches.Batch> {

    /**
     * @param body the batch's lines, each ending in {@code \n}
     * @param lineNumbers the 1-based line number in the input of each record of the batch
     */
    record Batch(byte[] body, long[] lineNumbers) {
        int size() {
            return lineNumbers.length;
        }
    }

    private final InputStream in;
    private final int maxRecords;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean exhausted;
    private long lineNumber;
    private byte[] line = new byte[4096];
    private int lineLength;
    private Batch next;

    NdjsonBatches(InputStream in, int maxRecords, int maxBytes) {
        if (maxRecords < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("batch limits must be positive");
        }
        this.in = in;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readBatch();
        }
        return next != null;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch batch = next;
        next = null;
        return batch;
    }

    private Batch readBatch() {
        var body = new ByteArrayOutputStream(Math.min(maxBytes, 1 << 20));
        long[] lines = new long[Math.min(maxRecords, 1024)];
        int records = 0;
        while (records < maxRecords && body.size() < maxBytes && readLine()) {
            lineNumber++;
            if (isBlank()) {
                continue;
            }
            body.write(line, 0, lineLength);
            body.write('\n');
            if (records == lines.length) {
                lines = Arrays.copyOf(lines, Math.min(maxRecords, lines.length * 2));
            }
            lines[records++] = lineNumber;
        }
        return records == 0 ? null : new Batch(body.toByteArray(), Arrays.copyOf(lines, records));
    }

    /** Reads the next line, without its terminator, into {@link #line}; false at end of input. */
    private boolean readLine() {
        lineLength = 0;
        boolean readAny = false;
        while (true) {
            if (position == limit && !fill()) {
                return readAny;
            }
            readAny = true;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    appendToLine(position, i - position);
                    position = i + 1;
                    return true;
                }
            }
            appendToLine(position, limit - position);
            position = limit;
        }
    }

    private void appendToLine(int from, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(buffer, from, line, lineLength, length);
        lineLength += length;
    }

    private boolean isBlank() {
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private boolean fill() {
        if (exhausted) {
            return false;
        }
        try {
            int read = in.read(buffer);
            if (read < 0) {
                exhausted = true;
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
