package io.confcdr.generate;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/**
 * How busy conference bridges are at a given local time, relative to an average business hour:
 * weekdays from 8 to 18 carry most meetings, with a dip at lunch; nights and weekends are quiet.
 */
final class BusinessHours {

    private static final double[] WEEKDAY = {
        0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.08, 0.3,   // 00-07
        0.8, 1.3, 1.5, 1.4, 0.9, 1.2, 1.4, 1.3,          // 08-15
        1.0, 0.6, 0.25, 0.1, 0.08, 0.05, 0.04, 0.03};    // 16-23
    private static final double WEEKEND = 0.05;

    private BusinessHours() {
    }

    static double intensity(ZonedDateTime local) {
        DayOfWeek day = local.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return WEEKEND;
        }
        return WEEKDAY[local.getHour()];
    }
}
