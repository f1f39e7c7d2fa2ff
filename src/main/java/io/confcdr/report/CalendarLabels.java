package io.confcdr.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;

/**
 * The calendar label of one key (hour, day or month) for instants in one zone, remembering the last label
 * with the span of local time it covers. Legs come roughly in time order, so most of them fall in the span
 * of the one before and need neither a zone conversion nor a formatter. The label depends only on local
 * time, so a hit needs the instant's offset to be the remembered one: then its local time lies in the span.
 */
final class CalendarLabels {

    private final ChronoUnit unit;
    private final DateTimeFormatter format;
    private final ZoneRules rules;
    private ZoneOffset offset;
    private long fromMillis = Long.MAX_VALUE;
    private long toMillis = Long.MIN_VALUE;
    private String label;

    CalendarLabels(ChronoUnit unit, DateTimeFormatter format, ZoneId zone) {
        this.unit = unit;
        this.format = format;
        this.rules = zone.getRules();
    }

    String labelOf(Instant instant) {
        long millis = instant.toEpochMilli();
        ZoneOffset at = rules.getOffset(instant);
        if (millis >= fromMillis && millis < toMillis && at.equals(offset)) {
            return label;
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, at);
        LocalDateTime start = switch (unit) {
            case HOURS -> local.truncatedTo(ChronoUnit.HOURS);
            case DAYS -> local.truncatedTo(ChronoUnit.DAYS);
            case MONTHS -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            default -> throw new IllegalArgumentException(unit.toString());
        };
        offset = at;
        fromMillis = start.toInstant(at).toEpochMilli();
        toMillis = start.plus(1, unit).toInstant(at).toEpochMilli();
        label = format.format(local);
        return label;
    }
}
