package io.confcdr.ingest;

import io.confcdr.model.CdrField;
import io.confcdr.model.Seconds;
import io.confcdr.model.Sids;
import io.confcdr.model.StorableText;
import io.confcdr.model.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SortedSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed attributes out of one record's JSON, adding a {@link IngestReport.Reason} for every
 * attribute that is wrong instead of stopping at the first. Absent and {@code null} both mean unknown.
 */
final class FieldReader {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** Sids appear in URL paths and cursors, so they are kept to characters that need no explaining. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final JsonNode record;
    private final List<IngestReport.Reason> errors;

    FieldReader(JsonNode record, List<IngestReport.Reason> errors) {
        this.record = record;
        this.errors = errors;
    }

    void reject(String field, String message) {
        errors.add(new IngestReport.Reason(field, message));
    }

    boolean isAbsent(String name) {
        JsonNode value = record.get(name);
        return value == null || value.isNull();
    }

    /** The attribute's value in its model type as {@link CdrField} declares it; null when unknown or wrong. */
    Object read(CdrField field) {
        String name = field.wireName();
        return switch (field.type()) {
            case TEXT -> {
                if (field.isEnumerated()) {
                    yield oneOf(name, field.maxLength(), field.isRequired(), field.allowedValues());
                }
                yield field.isSid()
                        ? sid(name, field.maxLength(), field.isRequired())
                        : text(name, field.maxLength(), field.isRequired());
            }
            case INSTANT -> instant(name, field.maxLength(), field.isRequired());
            case INTEGER -> integer(name, field.isRequired());
            case SECONDS -> seconds(name, field.isRequired());
        };
    }

    /** A free-text attribute of at most {@code maxLength} code points. */
    String text(String name, int maxLength, boolean required) {
        JsonNode value = record.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            reject(name, "must be a string");
            return null;
        }
        String text = value.stringValue();
        if (required && text.isEmpty()) {
            reject(name, "must not be empty");
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            reject(name, "must be at most " + maxLength + " characters long");
            return null;
        }
        String problem = StorableText.problem(text);
        if (problem != null) {
            reject(name, problem);
            return null;
        }
        return text;
    }

    /** An identifier: 1 to {@code maxLength} characters of {@code A-Z a-z 0-9 . _ : ~ -}. */
    String sid(String name, int maxLength, boolean required) {
        String text = text(name, maxLength, required);
        if (text != null && !Sids.hasAllowedCharacters(text)) {
            reject(name, Sids.RULE);
            return null;
        }
        return text;
    }

    /** One of {@code allowed}, which is named in order in the message when the value is not. */
    String oneOf(String name, int maxLength, boolean required, SortedSet<String> allowed) {
        String text = text(name, maxLength, required);
        if (text != null && !allowed.contains(text)) {
            reject(name, "must be one of " + String.join(", ", allowed));
            return null;
        }
        return text;
    }

    /** ISO-8601 with a zone ({@code Z} or {@code ±hh:mm}), kept at millisecond precision. */
    Instant instant(String name, int maxLength, boolean required) {
        String text = text(name, maxLength, required);
        if (text == null) {
            return null;
        }
        Instant instant = Timestamps.parseWire(text);
        if (instant == null) {
            try {
                instant = Timestamps.truncate(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                reject(name, "must be an ISO-8601 date and time with a zone, such as 2024-12-14T10:03:14.000Z");
                return null;
            }
        }
        // The wire format has four-digit years; beyond them a date could not be written back as sent.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            reject(name, "must lie between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z");
            return null;
        }
        return instant;
    }

    Integer integer(String name, boolean required) {
        JsonNode value = record.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, "is required");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            reject(name, "must be a whole number (a JSON number, not a string)");
            return null;
        }
        return value.intValue();
    }

    /** A non-negative number of seconds, as a JSON number or a decimal string, up to 6 decimal places. */
    Seconds seconds(String name, boolean required) {
        JsonNode value = record.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, "is required");
            }
            return null;
        }
        BigDecimal decimal;
        if (value.isNumber()) {
            decimal = value.decimalValue();
        } else if (value.isString() && DECIMAL.matcher(value.stringValue()).matches()) {
            decimal = new BigDecimal(value.stringValue());
        } else {
            reject(name, "must be a number of seconds, such as 50 or \"4.25\"");
            return null;
        }
        if (decimal.signum() < 0) {
            reject(name, "must not be negative");
            return null;
        }
        try {
            return Seconds.of(decimal);
        } catch (ArithmeticException e) {
            reject(name, "must have at most 6 decimal places and fit in a 64-bit count of microseconds");
            return null;
        }
    }
}
