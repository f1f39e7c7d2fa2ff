package io.confcdr.report;

import io.confcdr.model.Cdr;
import io.confcdr.store.UsageCell;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/** Accumulates the legs of one usage row into its {@link Measures}. */
final class Tally {

    /** Q.850 cause 16, normal call clearing: the one cause that is not a failure. */
    static final int NORMAL_CLEARING = 16;
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final BigDecimal MICROS_PER_MINUTE_DECIMAL = BigDecimal.valueOf(MICROS_PER_MINUTE);

    private long legs;
    private long selfLegs;
    private long joined;
    private long failed;
    private final Set<String> meetings = new HashSet<>();
    private final ExactSum micros = new ExactSum();
    private final ExactSum billable = new ExactSum();
    private final PeakConcurrency concurrency = new PeakConcurrency();

    /** @param own whether the leg is the row's partner's own (counts toward self_legs under rollup) */
    void add(Cdr cdr, boolean own) {
        legs++;
        if (own) {
            selfLegs++;
        }
        if (cdr.dateJoin() != null) {
            joined++;
        }
        if (cdr.disconnectCause() != null && cdr.disconnectCause() != NORMAL_CLEARING) {
            failed++;
        }
        if (cdr.meetingSid() != null) {
            meetings.add(cdr.meetingSid());
        }
        // A duration the sender sent as null counts as none; ingest refuses negative ones.
        long duration = cdr.duration() == null ? 0 : cdr.duration().micros();
        micros.add(duration);
        billable.add(Math.ceilDiv(duration, MICROS_PER_MINUTE));
        concurrency.add(cdr.dateStart().toEpochMilli(), cdr.dateStop().toEpochMilli());
    }

    /** Adds the additive measures of legs counted elsewhere (an aggregate cell); see {@link #addSpan}. */
    void addSums(UsageCell cell, boolean own) {
        legs += cell.legs();
        if (own) {
            selfLegs += cell.legs();
        }
        joined += cell.joinedLegs();
        failed += cell.failedLegs();
        micros.add(cell.durationMicros());
        billable.add(cell.billableMinutes());
    }

    /** Adds what no sum can hold of a leg whose sums came through {@link #addSums}: its meeting and its span. */
    void addSpan(Cdr cdr) {
        if (cdr.meetingSid() != null) {
            meetings.add(cdr.meetingSid());
        }
        concurrency.add(cdr.dateStart().toEpochMilli(), cdr.dateStop().toEpochMilli());
    }

    Measures measures(boolean withSelfLegs) {
        return new Measures(legs, meetings.size(), minutes(micros.value()), billable.value(), joined, failed,
                concurrency.peak(), withSelfLegs ? selfLegs : null);
    }

    /** Microseconds as the report's minutes: see {@link Measures}. */
    static BigDecimal minutes(java.math.BigInteger micros) {
        BigDecimal minutes = new BigDecimal(micros)
                .divide(MICROS_PER_MINUTE_DECIMAL, 6, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return minutes.scale() < 0 ? minutes.setScale(0) : minutes;
    }
}
