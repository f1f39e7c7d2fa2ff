package io.confcdr.export;

import io.confcdr.model.Cdr;
import io.confcdr.model.EncodedCdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Seconds;
import io.confcdr.model.Timestamps;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * RFC 4180 in UTF-8: a header row of attribute names, CRLF after every row, a field quoted (quotes doubled)
 * when it holds a comma, a quote, CR or LF. An unknown value (null) is an empty field and an empty text is
 * {@code ""}, so the two stay apart. Values are written as the JSON wire form writes them; dates in UTC
 * ({@code ...mmmZ}) unless a zone is given, then with that zone's offset ({@code ...mmm+01:00}).
 */
final class CsvRecordWriter implements RecordWriter {

    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final Writer out;
    private final List<CdrField> columns;
    private final ZoneId zone;

    CsvRecordWriter(OutputStream stream, List<CdrField> columns, ZoneId zone) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
        this.columns = columns;
        this.zone = zone;
        try {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(columns.get(i).wireName());
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(EncodedCdr encoded) {
        Cdr cdr = encoded.toCdr();
        try {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object value = columns.get(i).get(cdr);
                if (value != null) {
                    writeText(text(value));
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Object value) {
        return switch (value) {
            case String text -> text;
            case Instant instant -> zone == null ? Timestamps.format(instant) : ZONED.format(instant.atZone(zone));
            case Seconds seconds -> seconds.toWire();
            case Integer number -> number.toString();
            default -> throw new IllegalStateException("unexpected attribute type " + value.getClass());
        };
    }

    private void writeText(String text) throws IOException {
        if (!text.isEmpty() && !needsQuotes(text)) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        flush();
    }
}
