package io.confcdr.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When meetings start and whose they are: a Poisson process whose rate follows each partner's business
 * hours in its own time zone, constant within an hour. Meeting sizes are heavy-tailed, so a fixed rate
 * would often run out of records days early or late; instead the rate is re-aimed every hour at the
 * records still to come over the intensity still ahead (within a factor of two of the nominal rate).
 * Start times come out in increasing order.
 */
final class MeetingSchedule {

    private static final long HOUR_MILLIS = 3_600_000L;

    /** A meeting's start (epoch milliseconds) and owner. */
    record Arrival(long startMillis, Tenant tenant) {
    }

    private final List<Tenant> tenants;
    private final SplittableRandom random;
    private final long rangeStartMillis;
    private final double meanMeetingSize;
    private final double nominalRate;
    private final double[] intensityAhead;
    private final double[] cumulative;
    private double meetingsPerUnitHour;
    private long hour;
    private long cursorMillis;

    MeetingSchedule(List<Tenant> tenants, LocalDate from, int days, long records, double meanMeetingSize,
            SplittableRandom random) {
        this.tenants = tenants;
        this.random = random;
        this.meanMeetingSize = meanMeetingSize;
        this.rangeStartMillis = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        this.cumulative = new double[tenants.size()];
        int hours = days * 24;
        this.intensityAhead = new double[hours + 1];
        for (int h = hours - 1; h >= 0; h--) {
            intensityAhead[h] = intensityAhead[h + 1] + loadHour(h);
        }
        this.nominalRate = records / meanMeetingSize / intensityAhead[0];
        this.cursorMillis = rangeStartMillis;
        startHour(0, records);
    }

    /** The next meeting, given how many records are still to be generated. */
    Arrival next(long recordsToCome) {
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
            startHour(hour + 1, recordsToCome);
        }
    }

    private void startHour(long h, long recordsToCome) {
        hour = h;
        loadHour(h);
        if (h < intensityAhead.length - 1) {
            double aimed = recordsToCome / meanMeetingSize / intensityAhead[(int) h];
            meetingsPerUnitHour = Math.clamp(aimed, nominalRate / 2, nominalRate * 2);
        } else {
            meetingsPerUnitHour = nominalRate;
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
