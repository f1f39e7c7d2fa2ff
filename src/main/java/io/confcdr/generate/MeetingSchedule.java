package io.confcdr.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When meetings start and whose they are: a Poisson process whose rate follows each partner's business
 * hours in its own time zone, constant within an hour. The rate is scaled so that the expected number
 * of meetings fills the date range; start times come out in increasing order.
 */
final class MeetingSchedule {

    private static final long HOUR_MILLIS = 3_600_000L;

    /** A meeting's start (epoch milliseconds) and owner. */
    record Arrival(long startMillis, Tenant tenant) {
    }

    private final List<Tenant> tenants;
    private final SplittableRandom random;
    private final long rangeStartMillis;
    private final double meetingsPerUnitHour;
    private final double[] cumulative;
    private long hour = -1;
    private long cursorMillis;

    MeetingSchedule(List<Tenant> tenants, LocalDate from, int days, double expectedMeetings, SplittableRandom random) {
        this.tenants = tenants;
        this.random = random;
        this.rangeStartMillis = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        this.cumulative = new double[tenants.size()];
        double intensityHours = 0;
        for (long h = 0; h < days * 24L; h++) {
            intensityHours += loadHour(h);
        }
        this.meetingsPerUnitHour = expectedMeetings / intensityHours;
        this.cursorMillis = rangeStartMillis;
        loadHour(0);
        this.hour = 0;
    }

    Arrival next() {
        while (true) {
            double perMilli = meetingsPerUnitHour * cumulative[cumulative.length - 1] / HOUR_MILLIS;
            double gap = -Math.log(1.0 - random.nextDouble()) / perMilli;
            long hourEnd = rangeStartMillis + (hour + 1) * HOUR_MILLIS;
            if (cursorMillis + gap < hourEnd) {
                cursorMillis += (long) gap;
                return new Arrival(cursorMillis, pickTenant());
            }
            // Memorylessness: restarting the draw at the next hour with its own rate is exact.
            cursorMillis = hourEnd;
            hour++;
            loadHour(hour);
        }
    }

    private Tenant pickTenant() {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (target < cumulative[i]) {
                return tenants.get(i);
            }
        }
        return tenants.getLast();
    }

    /** Fills {@link #cumulative} with the partners' intensities in hour {@code h}; returns the total. */
    private double loadHour(long h) {
        Instant at = Instant.ofEpochMilli(rangeStartMillis + h * HOUR_MILLIS);
        double total = 0;
        for (int i = 0; i < tenants.size(); i++) {
            Tenant tenant = tenants.get(i);
            total += tenant.weight() * BusinessHours.intensity(at.atZone(tenant.zone()));
            cumulative[i] = total;
        }
        return total;
    }
}
