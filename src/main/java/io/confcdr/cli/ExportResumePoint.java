package io.confcdr.cli;

import io.confcdr.export.ExportFormat;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a partial export file ends: the call_sid of its last complete record. A record is complete when
 * its line end arrived (for CSV, a line end outside quotes, since quoted fields may hold line breaks).
 * {@link #truncate} cuts whatever partial record follows. Reads the file once, front to back, holding
 * one record at a time.
 */
record ExportResumePoint(long completeBytes, String lastCallSid, boolean hasCsvHeader) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ExportResumePoint of(Path file, ExportFormat format) throws IOException {
        if (!Files.exists(file)) {
            return new ExportResumePoint(0, null, false);
        }
        boolean csv = format == ExportFormat.CSV;
        long position = 0;
        long completeBytes = 0;
        int records = 0;
        boolean quoted = false;
        byte[] header = null;
        byte[] last = null;
        var current = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            for (int b; (b = in.read()) >= 0; ) {
                position++;
                current.write(b);
                if (csv && b == '"') {
                    quoted = !quoted;
                } else if (b == '\n' && !quoted) {
                    completeBytes = position;
                    if (csv && records == 0) {
                        header = current.toByteArray();
                    } else {
                        last = current.toByteArray();
                    }
                    records++;
                    current.reset();
                }
            }
        }
        String sid = last == null ? null : csv ? csvCallSid(file, header, last) : ndjsonCallSid(file, last);
        return new ExportResumePoint(completeBytes, sid, header != null);
    }

    void truncate(Path file) throws IOException {
        if (Files.exists(file)) {
            try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(completeBytes);
            }
        }
    }

    private static String ndjsonCallSid(Path file, byte[] line) {
        try {
            JsonNode record = JSON.readTree(line);
            JsonNode sid = record.get("call_sid");
            if (sid == null || !sid.isString()) {
                throw CliException.usage("cannot resume " + file + ": its last record has no call_sid");
            }
            return sid.stringValue();
        } catch (tools.jackson.core.JacksonException e) {
            throw CliException.usage("cannot resume " + file + ": its last line is not a JSON record");
        }
    }

    private static String csvCallSid(Path file, byte[] header, byte[] row) {
        int column = fields(header).indexOf("call_sid");
        List<String> values = fields(row);
        if (column < 0 || column >= values.size()) {
            throw CliException.usage("cannot resume " + file + ": it has no call_sid column");
        }
        return values.get(column);
    }

    /** The fields of one RFC 4180 record, its line end included. */
    static List<String> fields(byte[] record) {
        String text = new String(record, StandardCharsets.UTF_8).replaceFirst("\r?\n$", "");
        List<String> fields = new ArrayList<>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
