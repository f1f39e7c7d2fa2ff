package io.confcdr.report;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The numbers of one usage row. {@code minutes} is the exact sum of durations divided by 60, rounded half
 * up to 6 decimal places (a sum in microseconds over 60 rarely ends), trailing zeros dropped.
 * {@code selfLegs} is the partner's own legs under {@code rollup=tree}, null otherwise.
 */
public record Measures(long legs, long meetings, BigDecimal minutes, BigInteger billableMinutes, long joinedLegs,
        long failedLegs, long peakConcurrentLegs, Long selfLegs) {

    /** The wire form of {@link #minutes}: {@code "0"}, {@code "1.5"}, {@code "0.016667"}. */
    public String minutesText() {
        return minutes.toPlainString();
    }
}
