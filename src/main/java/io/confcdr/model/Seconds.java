package io.confcdr.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A non-negative-or-negative duration in seconds with microsecond precision, kept as an exact count of
 * microseconds. CarrierX writes durations as decimal strings ({@code "50"}, {@code "4.25015"}); we keep
 * them exact so that what a bridge sent is what a partner reads back, and so that stores can index and
 * compare them as plain integers.
 */
public record Seconds(long micros) implements Comparable<Seconds> {

    public static final Seconds ZERO = new Seconds(0);
    private static final int SCALE = 6;

    public static Seconds ofMillis(long millis) {
        return new Seconds(Math.multiplyExact(millis, 1000L));
    }

    /**
     * Exact conversion from a decimal number of seconds.
     *
     * @throws ArithmeticException when the value has more than six decimal places or does not fit
     */
    public static Seconds of(BigDecimal seconds) {
        // A long holds at most 19 digits; refusing more first keeps an exponent such as 1e55555555 from
        // being expanded into a number of that many digits (seconds of CPU for one field).
        if (seconds.signum() != 0 && seconds.precision() - seconds.scale() + SCALE > 19) {
            throw new ArithmeticException("out of range for a count of microseconds");
        }
        return new Seconds(seconds.movePointRight(SCALE).longValueExact());
    }

    /** Parses a plain decimal ({@code "50"}, {@code "4.25"}); see {@link #of(BigDecimal)}. */
    public static Seconds parse(String text) {
        return of(new BigDecimal(text));
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(micros, SCALE);
    }

    /** The shortest exact decimal form: {@code "50"}, {@code "4.25"}, {@code "0"}. */
    public String toWire() {
        if (micros % 1_000_000 == 0) {
            return Long.toString(micros / 1_000_000);
        }
        if (micros == Long.MIN_VALUE) {
            return toBigDecimal().stripTrailingZeros().toPlainString();
        }
        // Integer arithmetic instead of BigDecimal: this runs twice per record written.
        long magnitude = Math.abs(micros);
        long fraction = magnitude % 1_000_000;
        int width = SCALE;
        while (fraction % 10 == 0) {
            fraction /= 10;
            width--;
        }
        var text = new StringBuilder(24);
        if (micros < 0) {
            text.append('-');
        }
        text.append(magnitude / 1_000_000).append('.');
        String digits = Long.toString(fraction);
        for (int pad = width - digits.length(); pad > 0; pad--) {
            text.append('0');
        }
        return text.append(digits).toString();
    }

    @Override
    public int compareTo(Seconds other) {
        return Long.compare(micros, other.micros);
    }

    @Override
    public String toString() {
        return toWire();
    }

    /** Rounds a decimal number of seconds to microseconds, for comparisons against filter values. */
    public static BigDecimal toMicros(BigDecimal seconds) {
        return seconds.movePointRight(SCALE).setScale(0, RoundingMode.UNNECESSARY);
    }
}
