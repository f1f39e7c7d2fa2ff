package io.confcdr.model;

import java.util.Arrays;
import java.util.List;

/**
 * The most legs in progress at one instant, a leg being in progress over [date_start, date_stop): a leg
 * that stops when another starts does not overlap it, and a leg of no length overlaps nothing.
 */
final class PeakConcurrency {

    private PeakConcurrency() {
    }

    static int of(List<Cdr> legs) {
        // Each leg is +1 at its start and -1 at its stop; at equal instants stops sort before starts
        // (encoded as 2t and 2t+1), so touching legs are never counted together.
        long[] events = new long[legs.size() * 2];
        int i = 0;
        for (Cdr leg : legs) {
            events[i++] = leg.dateStart().toEpochMilli() * 2 + 1;
            events[i++] = leg.dateStop().toEpochMilli() * 2;
        }
        Arrays.sort(events);
        int current = 0;
        int peak = 0;
        for (long event : events) {
            current += (event & 1) == 1 ? 1 : -1;
            peak = Math.max(peak, current);
        }
        return peak;
    }
}
