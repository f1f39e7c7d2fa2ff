package io.confcdr.model;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes {@link EncodedCdr} records as JSON objects onto a stream, byte for byte as {@link CdrJson} writes
 * the records they encode (same keys, order, escaping and number forms), without a JSON generator: text is
 * copied from its UTF-8 bytes into one buffer, escaping only what JSON requires, and keys are written as
 * prepared bytes. This is the export's inner loop; {@code EncodedCdrJsonTest} holds it to Jackson's output.
 * Not thread-safe; one instance per stream.
 */
public final class EncodedCdrJson {

    private static final CdrField[] FIELDS = CdrField.values();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[][] KEYS = new byte[FIELDS.length][];
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Per ASCII byte: 0 written as is, a letter written after a backslash, -1 written as {@code \}{@code u00XX}. */
    private static final int[] ESCAPES = new int[128];
    /** The most bytes one input byte can become ({@code \}{@code u00XX}). */
    private static final int MAX_EXPANSION = 6;
    static final int BUFFER = 64 * 1024;

    static {
        for (CdrField field : FIELDS) {
            KEYS[field.ordinal()] = ("\"" + field.wireName() + "\":").getBytes(StandardCharsets.US_ASCII);
        }
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private final OutputStream out;
    private final boolean[] selected = new boolean[FIELDS.length];
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    /** {@code YYYY-MM-DDT} of {@link #lastDay} (days since 1970-01-01 UTC). */
    private final byte[] lastDate = new byte[11];
    private long lastDay = Long.MIN_VALUE;

    public EncodedCdrJson(OutputStream out, FieldSelection selection) {
        this.out = out;
        for (CdrField field : FIELDS) {
            selected[field.ordinal()] = selection.includes(field);
        }
    }

    /** The record as one JSON object, nothing before or after it. */
    public void write(EncodedCdr cdr) {
        ensure(1);
        buffer[position++] = '{';
        boolean first = true;
        for (int i = 0; i < FIELDS.length; i++) {
            if (!selected[i]) {
                continue;
            }
            byte[] key = KEYS[i];
            ensure(key.length + 1);
            if (!first) {
                buffer[position++] = ',';
            }
            first = false;
            System.arraycopy(key, 0, buffer, position, key.length);
            position += key.length;
            writeValue(cdr.encoded(FIELDS[i]));
        }
        ensure(1);
        buffer[position++] = '}';
    }

    /** One byte outside any record (a separator such as a newline). */
    public void writeByte(byte b) {
        ensure(1);
        buffer[position++] = b;
    }

    /** Hands what is buffered to the stream and flushes the stream. */
    public void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An if-chain rather than a pattern switch: this runs 27 times a record and text is by far the most common. */
    private void writeValue(Object value) {
        if (value instanceof byte[] utf8) {
            writeText(utf8);
        } else if (value == null) {
            writeAscii(NULL);
        } else if (value instanceof Instant instant) {
            writeInstant(instant);
        } else if (value instanceof Seconds seconds) {
            writeQuotedAscii(seconds.toWire().getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Integer number) {
            writeAscii(Integer.toString(number).getBytes(StandardCharsets.US_ASCII));
        } else {
            throw new IllegalStateException("unexpected attribute type " + value.getClass());
        }
    }

    /**
     * {@code "YYYY-MM-DDTHH:MM:SS.mmmZ"} as {@link Timestamps#format} writes it. The dates of a record, and of
     * records read in order, mostly fall on the day before, so the date part of the last day is kept and
     * only the time of day is computed.
     */
    private void writeInstant(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        if (day != lastDay) {
            byte[] ascii = Timestamps.formatAscii(instant);
            if (ascii == null) {
                writeQuotedAscii(Timestamps.format(instant).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            System.arraycopy(ascii, 0, lastDate, 0, lastDate.length);
            lastDay = day;
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        ensure(26);
        byte[] buf = buffer;
        int p = position;
        buf[p++] = '"';
        System.arraycopy(lastDate, 0, buf, p, lastDate.length);
        p += lastDate.length;
        p = twoDigits(buf, p, secondOfDay / 3600);
        buf[p++] = ':';
        p = twoDigits(buf, p, secondOfDay / 60 % 60);
        buf[p++] = ':';
        p = twoDigits(buf, p, secondOfDay % 60);
        buf[p++] = '.';
        int millis = instant.getNano() / 1_000_000;
        buf[p++] = (byte) ('0' + millis / 100);
        p = twoDigits(buf, p, millis % 100);
        buf[p++] = 'Z';
        buf[p++] = '"';
        position = p;
    }

    private static int twoDigits(byte[] buf, int p, int value) {
        buf[p] = (byte) ('0' + value / 10);
        buf[p + 1] = (byte) ('0' + value % 10);
        return p + 2;
    }

    private void writeAscii(byte[] ascii) {
        ensure(ascii.length);
        System.arraycopy(ascii, 0, buffer, position, ascii.length);
        position += ascii.length;
    }

    private void writeQuotedAscii(byte[] ascii) {
        ensure(ascii.length + 2);
        buffer[position++] = '"';
        System.arraycopy(ascii, 0, buffer, position, ascii.length);
        position += ascii.length;
        buffer[position++] = '"';
    }

    /** A JSON string of UTF-8 text: bytes of multi-byte characters pass as they are, as Jackson's do. */
    private void writeText(byte[] utf8) {
        if (utf8.length * MAX_EXPANSION + 2 > buffer.length - position) {
            drain();
            if (utf8.length * MAX_EXPANSION + 2 > buffer.length) {
                writeLongText(utf8);
                return;
            }
        }
        byte[] buf = buffer;
        int p = position;
        buf[p++] = '"';
        int n = utf8.length;
        int i = 0;
        while (i < n) {
            int start = i;
            while (true) {
                if (i + Long.BYTES <= n && !anyNeedsEscape((long) LONGS.get(utf8, i))) {
                    i += Long.BYTES;
                } else if (i < n && (utf8[i] < 0 || ESCAPES[utf8[i]] == 0)) {
                    i++;
                } else {
                    break;
                }
            }
            System.arraycopy(utf8, start, buf, p, i - start);
            p += i - start;
            if (i < n) {
                p = escape(buf, p, utf8[i++]);
            }
        }
        buf[p++] = '"';
        position = p;
    }

    /**
     * Whether any of the eight bytes in {@code word} is a quote, a backslash or a control character (what
     * {@link #ESCAPES} escapes), tested on all eight at once: most text has none, and is then copied in
     * bulk. Bytes of multi-byte characters (0x80 and above) never count. Never false when one of them needs
     * escaping; may be true when none does, which only sends those bytes the slow way.
     */
    private static boolean anyNeedsEscape(long word) {
        long quotes = word ^ 0x2222222222222222L;
        long backslashes = word ^ 0x5C5C5C5C5C5C5C5CL;
        long zeroQuote = (quotes - 0x0101010101010101L) & ~quotes;
        long zeroBackslash = (backslashes - 0x0101010101010101L) & ~backslashes;
        long control = (word - 0x2020202020202020L) & ~word;
        return ((zeroQuote | zeroBackslash | control) & 0x8080808080808080L) != 0;
    }

    /** Text whose escaped form might not fit the buffer: room is made byte by byte. */
    private void writeLongText(byte[] utf8) {
        writeByte((byte) '"');
        for (byte b : utf8) {
            ensure(MAX_EXPANSION);
            if (b < 0 || ESCAPES[b] == 0) {
                buffer[position++] = b;
            } else {
                position = escape(buffer, position, b);
            }
        }
        writeByte((byte) '"');
    }

    private static int escape(byte[] buf, int p, byte b) {
        int escape = ESCAPES[b];
        buf[p++] = '\\';
        if (escape > 0) {
            buf[p++] = (byte) escape;
        } else {
            buf[p++] = 'u';
            buf[p++] = '0';
            buf[p++] = '0';
            buf[p++] = HEX[b >> 4];
            buf[p++] = HEX[b & 0xF];
        }
        return p;
    }

    private void ensure(int bytes) {
        if (bytes > buffer.length - position) {
            drain();
        }
    }

    private void drain() {
        if (position == 0) {
            return;
        }
        try {
            out.write(buffer, 0, position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = 0;
    }
}
