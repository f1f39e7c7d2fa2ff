package io.confcdr.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a meeting's legs add up to. Computed by {@link #of} from the legs a caller can see, so a partial
 * view yields the numbers of the visible legs only. Pure: every store's legs go through this one method.
 *
 * @param meetingRoomSid the legs' meeting_room_sid when they all agree (null included), else null
 * @param partnerSid the legs' partner_sid when they all agree, else null
 * @param duration from the earliest start to the latest stop
 * @param legSeconds the sum of the legs' durations (a missing duration counts as 0), exact
 * @param participants distinct non-null number_src values
 * @param hosts legs whose role is {@code host}
 * @param peakConcurrentLegs the most legs whose [date_start, date_stop) contain one instant
 */
public record MeetingSummary(
        String meetingSid,
        String meetingRoomSid,
        String partnerSid,
        Instant dateStart,
        Instant dateStop,
        Seconds duration,
        int legs,
        Seconds legSeconds,
        int participants,
        int hosts,
        int peakConcurrentLegs) {

    /** Decimal places of {@link #minutes()}: a micro-minute, below which a sum of seconds / 60 need not end. */
    public static final int MINUTES_SCALE = 6;

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    /**
     * The summary of one meeting's legs.
     *
     * @throws IllegalArgumentException when there are no legs or a leg belongs to another meeting
     */
    public static MeetingSummary of(String meetingSid, List<Cdr> legs) {
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("a meeting has at least one leg");
        }
        Cdr first = legs.getFirst();
        Instant start = first.dateStart();
        Instant stop = first.dateStop();
        long micros = 0;
        int hosts = 0;
        Set<String> numbers = new HashSet<>();
        boolean oneRoom = true;
        boolean onePartner = true;
        for (Cdr leg : legs) {
            if (!meetingSid.equals(leg.meetingSid())) {
                throw new IllegalArgumentException("leg " + leg.callSid() + " is not of meeting " + meetingSid);
            }
            start = leg.dateStart().isBefore(start) ? leg.dateStart() : start;
            stop = leg.dateStop().isAfter(stop) ? leg.dateStop() : stop;
            micros = Math.addExact(micros, leg.duration() == null ? 0 : leg.duration().micros());
            hosts += "host".equals(leg.role()) ? 1 : 0;
            if (leg.numberSrc() != null) {
                numbers.add(leg.numberSrc());
            }
            oneRoom &= Objects.equals(leg.meetingRoomSid(), first.meetingRoomSid());
            onePartner &= leg.partnerSid().equals(first.partnerSid());
        }
        return new MeetingSummary(meetingSid, oneRoom ? first.meetingRoomSid() : null, onePartner ? first.partnerSid() : null,
                start, stop, Seconds.ofMillis(stop.toEpochMilli() - start.toEpochMilli()), legs.size(), new Seconds(micros),
                numbers.size(), hosts, PeakConcurrency.of(legs));
    }

    /** The legs' durations in minutes, rounded half up to {@link #MINUTES_SCALE} places, shortest form. */
    public BigDecimal minutes() {
        BigDecimal minutes = legSeconds.toBigDecimal().divide(SIXTY, MINUTES_SCALE, RoundingMode.HALF_UP);
        return minutes.signum() == 0 ? BigDecimal.ZERO : minutes.stripTrailingZeros();
    }
}
