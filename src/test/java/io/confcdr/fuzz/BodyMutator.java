package io.confcdr.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Ingest bodies from valid records, mutated: values of the wrong type, huge numbers, odd unicode (raw and
 * escaped, lone surrogates included), NUL, broken escapes, duplicate keys, deep nesting, truncation, and
 * gzip that is garbage or cut short. NDJSON or a JSON array, as the media type says (or not).
 */
final class BodyMutator {

    record Body(String contentType, String contentEncoding, byte[] bytes, String description) {
    }

    private static final List<String> VALUES = List.of(
            "null", "true", "false", "0", "-0", "16", "-1", "4.25", "1e999", "-1e-999", "99999999999999999999999999999",
            "123456789012345678901234567890.123456789", "\"\"", "\"50\"", "\"4.25015\"", "\"-3\"", "\"1e3\"", "[]", "{}",
            "[1,[2,[3]]]", "{\"a\":{}}", "\"host\"", "\"HOST\"", "\"inbound\"", "\"2024-12-14T10:03:14.000Z\"",
            "\"2024-02-30T10:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999Z\"",
            "\"+10000-01-01T00:00:00Z\"", "\"2024-12-14T10:03:14.123456789+14:00\"", "\"\\u0000\"", "\"a\\u0000b\"",
            "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"\\x41\"", "\"\\u12\"", "\"\\", "\"caf\u00e9 \u202e\u200d\uffff\"",
            "\"\u0001\u001f\"", "\"" + "x".repeat(1100) + "\"", "\"sip:\\\"a\\\" <b;c>\"", "NaN", "Infinity", "'single'",
            "\"partner-unknown\"");
    private static final List<String> FIELDS = List.of(
            "call_sid", "partner_sid", "date_start", "date_stop", "date_join", "date_disconnected", "date_insert",
            "duration", "duration_meeting", "disconnect_cause", "role", "direction", "custom_call_type",
            "disconnect_originator", "address_src", "number_src", "user_agent", "meeting_sid", "unknown_field", "");

    private final Random random;
    private final String partnerSid;
    private int serial;

    BodyMutator(Random random, String partnerSid) {
        this.random = random;
        this.partnerSid = partnerSid;
    }

    Body next() {
        boolean ndjson = random.nextBoolean();
        int count = random.nextInt(random.nextInt(10) == 0 ? 60 : 6);
        List<String> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(random.nextInt(3) == 0 ? valid() : mutateRecord(valid()));
        }
        String text = ndjson ? String.join("\n", records) + (random.nextBoolean() ? "\n" : "")
                : "[" + String.join(",", records) + "]";
        String what = "";
        switch (random.nextInt(12)) {
            case 0 -> {
                text = text.substring(0, random.nextInt(text.length() + 1));
                what = "truncated ";
            }
            case 1 -> {
                int at = random.nextInt(text.length() + 1);
                text = text.substring(0, at) + pick(List.of("\u0000", "\\", "\"", "\\u", "\\ud800", "\n", "]", "}", ",", "\uFEFF", "[".repeat(2000)))
                        + text.substring(at);
                what = "spliced ";
            }
            case 2 -> {
                text = "[".repeat(5000) + "]".repeat(random.nextInt(5001));
                what = "deep ";
            }
            default -> {
                // as generated
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(15) == 0) {
            bytes = flipBytes(bytes);
            what += "bit-flipped ";
        }
        String contentType = switch (random.nextInt(10)) {
            case 0 -> pick(List.of("application/json", "application/x-ndjson")) + "; charset=utf-8";
            case 1 -> pick(List.of("text/plain", "application/ndjson", "", "application/json;", "multipart/form-data"));
            default -> ndjson ? "application/x-ndjson" : "application/json";
        };
        String encoding = null;
        switch (random.nextInt(12)) {
            case 0 -> {
                encoding = "gzip";
                bytes = gzip(bytes);
                what += "gzip ";
            }
            case 1 -> {
                encoding = "gzip";
                byte[] zipped = gzip(bytes);
                bytes = java.util.Arrays.copyOf(zipped, random.nextInt(zipped.length + 1));
                what += "gzip-cut ";
            }
            case 2 -> {
                encoding = "gzip";
                bytes = flipBytes(gzip(bytes));
                what += "gzip-garbage ";
            }
            case 3 -> {
                encoding = pick(List.of("br", "deflate", "identity", "gzip, gzip", "GZIP"));
                what += "encoding ";
            }
            default -> {
                // plain
            }
        }
        return new Body(contentType, encoding, bytes, what + (ndjson ? "ndjson" : "array") + " of " + count);
    }

    private String valid() {
        int n = serial++;
        int start = random.nextInt(3600);
        return "{\"call_sid\":\"fuzz-body-" + n + "-" + random.nextInt(1000) + "\",\"partner_sid\":\"" + partnerSid
                + "\",\"date_start\":\"2024-12-14T10:" + two(start / 60) + ":" + two(start % 60) + ".000Z\""
                + ",\"date_stop\":\"2024-12-14T11:00:00.000Z\",\"role\":\"host\",\"disconnect_cause\":16"
                + ",\"number_src\":\"+17605692222\",\"custom_name\":\"caf\\u00e9 \\ud83c\\udfa7\"}";
    }

    private String mutateRecord(String record) {
        String field = pick(FIELDS);
        String value = pick(VALUES);
        String key = "\"" + field + "\":";
        int at = record.indexOf(key);
        if (at < 0 || random.nextInt(4) == 0) {
            // a new (or duplicate) key in front
            return "{" + key + value + "," + record.substring(1);
        }
        int valueStart = at + key.length();
        int valueEnd = valueStart;
        if (record.charAt(valueStart) == '"') {
            valueEnd = record.indexOf('"', valueStart + 1) + 1;
        } else {
            while (valueEnd < record.length() && ",}".indexOf(record.charAt(valueEnd)) < 0) {
                valueEnd++;
            }
        }
        return record.substring(0, valueStart) + value + record.substring(valueEnd);
    }

    private byte[] flipBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < 1 + random.nextInt(8) && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
