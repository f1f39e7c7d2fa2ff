package io.confcdr.query;

import io.confcdr.model.Timestamps;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads the typed values of filter conditions. Dates: {@code 2024-12-14}, {@code 2024-12-14T10:04:04}
 * or {@code 2024-12-14 10:04:04}, with an optional fraction of any length and an optional {@code Z} or
 * {@code ±hh:mm} (none means UTC). A fraction finer than milliseconds is truncated, as it is for stored
 * dates, so a value means the millisecond it falls in. Numbers: plain decimals with an optional sign
 * ({@code 50}, {@code 4.25}, {@code -1}); no exponent.
 */
final class FilterValues {

    static final String DATE_EXPECTED = "expected a date such as 2024-12-14, 2024-12-14T10:04:04 or 2024-12-14T10:04:04.5+02:00";
    static final String NUMBER_EXPECTED = "expected a number such as 50 or 4.25";

    private FilterValues() {
    }

    /** @throws IllegalArgumentException saying what was expected */
    static Instant instant(String text) {
        try {
            LocalDate date = LocalDate.parse(text.substring(0, Math.min(10, text.length())), DateTimeFormatter.ISO_LOCAL_DATE);
            if (text.length() == 10) {
                return date.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            char separator = text.charAt(10);
            if ((separator != 'T' && separator != ' ') || text.length() < 19
                    || text.charAt(13) != ':' || text.charAt(16) != ':') {
                throw new IllegalArgumentException(DATE_EXPECTED);
            }
            LocalTime time = LocalTime.of(twoDigits(text, 11), twoDigits(text, 14), twoDigits(text, 17));
            int pos = 19;
            int nanos = 0;
            if (pos < text.length() && text.charAt(pos) == '.') {
                int digitsStart = ++pos;
                while (pos < text.length() && isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos == digitsStart) {
                    throw new IllegalArgumentException(DATE_EXPECTED);
                }
                String nineDigits = (text.substring(digitsStart, Math.min(pos, digitsStart + 9)) + "00000000").substring(0, 9);
                nanos = Integer.parseInt(nineDigits);
            }
            ZoneOffset offset = offset(text, pos);
            Instant instant = LocalDateTime.of(date, time.withNano(nanos)).toInstant(offset);
            return Timestamps.truncate(instant);
        } catch (DateTimeException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(DATE_EXPECTED);
        }
    }

    private static ZoneOffset offset(String text, int pos) {
        int rest = text.length() - pos;
        if (rest == 0) {
            return ZoneOffset.UTC;
        }
        if (rest == 1 && text.charAt(pos) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = text.charAt(pos);
        if (rest == 6 && (sign == '+' || sign == '-') && text.charAt(pos + 3) == ':') {
            int hours = twoDigits(text, pos + 1);
            int minutes = twoDigits(text, pos + 4);
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        }
        throw new IllegalArgumentException(DATE_EXPECTED);
    }

    private static int twoDigits(String text, int at) {
        char tens = text.charAt(at);
        char ones = text.charAt(at + 1);
        if (!isDigit(tens) || !isDigit(ones)) {
            throw new IllegalArgumentException(DATE_EXPECTED);
        }
        return (tens - '0') * 10 + (ones - '0');
    }

    /** @throws IllegalArgumentException saying what was expected */
    static BigDecimal number(String text) {
        int pos = 0;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
            pos++;
        }
        int digits = 0;
        boolean point = false;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (isDigit(c)) {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                throw new IllegalArgumentException(NUMBER_EXPECTED);
            }
        }
        if (digits == 0) {
            throw new IllegalArgumentException(NUMBER_EXPECTED);
        }
        return new BigDecimal(text);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
