package io.confcdr.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads {@code --expires}: an instant ({@code 2025-06-30T12:00:00Z}), a date (its start, UTC), an ISO
 * duration ({@code P30D}, {@code PT12H}) or a short one ({@code 30d}, {@code 12h}, {@code 45m},
 * {@code 2w}); durations count from now.
 */
final class Expiry {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhdw])");

    private Expiry() {
    }

    static Instant parse(String text, Instant now) {
        String value = text.strip();
        try {
            var shortForm = SHORT.matcher(value);
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                return now.plus(switch (shortForm.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> Duration.ofDays(7 * amount);
                });
            }
            if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
                return now.plus(Duration.parse(value));
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw CliException.usage("--expires: cannot read '" + text
                    + "' (use e.g. 30d, 12h, P90D, 2025-06-30 or 2025-06-30T12:00:00Z)");
        }
    }
}
