package io.confcdr.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.Seconds;
import io.confcdr.store.SlotSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Slot summaries against counting the legs themselves: for random legs (long and zero-length ones, meetings
 * spread over days) and random groups cut at slot boundaries, a group composed from slot and day summaries
 * has the legs, meetings, peak and sums of the legs starting in it.
 */
class SlotSummariesTest {

    private static final long SLOT = 900_000L;
    private static final long DAY = 96 * SLOT;
    private static final long T0 = Instant.parse("2024-12-01T00:00:00Z").toEpochMilli();

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 300).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void groupsComposedFromSummariesEqualTheLegsCounted(long seed) {
        var random = new Random(seed);
        List<Cdr> legs = legs(random);
        String root = "p0";
        // An unbounded group has no leg before the summarised range: start that range before every leg.
        boolean unbounded = random.nextInt(5) == 0;
        long from = unbounded ? T0 - 2 * DAY : T0 + DAY * random.nextInt(2);
        long to = from + DAY * (1 + random.nextInt(3));
        long longest = legs.stream().mapToLong(leg -> millis(leg.dateStop()) - millis(leg.dateStart())).max().orElse(0);
        List<Cdr> read = legs.stream().filter(leg -> millis(leg.dateStart()) >= from - longest && millis(leg.dateStart()) < to).toList();
        Map<String, Long> prior = new HashMap<>();
        legs.stream().filter(leg -> millis(leg.dateStart()) < from && leg.meetingSid() != null)
                .forEach(leg -> prior.merge(leg.meetingSid(), millis(leg.dateStart()), Math::max));
        List<SlotSummary> slots = SlotSummaries.slots(root, from, to, read, prior);

        for (int g = 0; g < 20; g++) {
            long groupStart = unbounded && random.nextBoolean() ? SlotSummary.UNBOUNDED
                    : from + SLOT * random.nextInt((int) ((to - from) / SLOT));
            long groupEnd = Math.min(to, (groupStart == SlotSummary.UNBOUNDED ? from : groupStart) + SLOT * (1 + random.nextInt(300)));
            long lower = groupStart == SlotSummary.UNBOUNDED ? from : groupStart;
            var group = new SlotSummaries.Group();
            // Whole UTC days inside the group by their day summary (when the dice say so), the rest by slots.
            for (long day = SlotSummaries.dayOf(lower); day < groupEnd; day += DAY) {
                long d = day;
                List<SlotSummary> ofDay = slots.stream().filter(s -> s.start() >= d && s.start() < d + DAY).toList();
                if (day >= lower && day + DAY <= groupEnd && random.nextBoolean()) {
                    if (!ofDay.isEmpty()) {
                        group.add(SlotSummaries.day(day, ofDay), groupStart);
                    }
                } else {
                    ofDay.stream().filter(s -> s.start() >= lower && s.start() < groupEnd).forEach(s -> group.add(s, groupStart));
                }
            }
            List<Cdr> expected = legs.stream().filter(leg -> millis(leg.dateStart()) >= lower && millis(leg.dateStart()) < groupEnd).toList();
            Measures m = group.measures(true);
            String what = "seed %d, group [%d, %d) of [%d, %d)".formatted(seed, groupStart, groupEnd, from, to);
            assertThat(m.legs()).as(what).isEqualTo(expected.size());
            assertThat(m.meetings()).as(what).isEqualTo(expected.stream().map(Cdr::meetingSid).filter(Objects::nonNull).distinct().count());
            assertThat(m.peakConcurrentLegs()).as(what).isEqualTo(peak(expected));
            assertThat(m.selfLegs()).as(what).isEqualTo(expected.stream().filter(leg -> leg.partnerSid().equals(root)).count());
            assertThat(m.joinedLegs()).as(what).isEqualTo(expected.stream().filter(leg -> leg.dateJoin() != null).count());
            assertThat(m.failedLegs()).as(what).isEqualTo(expected.stream()
                    .filter(leg -> leg.disconnectCause() != null && leg.disconnectCause() != 16).count());
            var tally = new Tally();
            expected.forEach(leg -> tally.add(leg, true));
            assertThat(m.minutes()).as(what).isEqualTo(tally.measures(false).minutes());
            assertThat(m.billableMinutes()).as(what).isEqualTo(tally.measures(false).billableMinutes());
        }
    }

    /** Legs up at each start, counted one by one. */
    private static long peak(List<Cdr> legs) {
        long peak = 0;
        for (Cdr at : legs) {
            long t = millis(at.dateStart());
            peak = Math.max(peak, legs.stream().filter(leg -> millis(leg.dateStart()) <= t && t < millis(leg.dateStop())).count());
        }
        return peak;
    }

    private static List<Cdr> legs(Random random) {
        List<Cdr> legs = new ArrayList<>();
        int meetings = 1 + random.nextInt(12);
        int count = random.nextInt(120);
        for (int i = 0; i < count; i++) {
            long start = T0 - DAY + (long) (random.nextDouble() * 5 * DAY);
            if (random.nextInt(4) == 0) {
                start = start - Math.floorMod(start, SLOT); // on a slot boundary
            }
            long length = switch (random.nextInt(6)) {
                case 0 -> 0;
                case 1 -> (long) (random.nextDouble() * 30 * 3_600_000L); // up to 30 hours
                default -> (long) (random.nextDouble() * 2 * 3_600_000L);
            };
            if (i > 0 && random.nextInt(8) == 0) {
                Cdr before = legs.get(random.nextInt(legs.size()));
                start = millis(before.dateStop()); // touching, never overlapping
            }
            legs.add(Cdr.builder()
                    .callSid("c" + i)
                    .partnerSid("p" + random.nextInt(3))
                    .meetingSid(random.nextInt(10) == 0 ? null : "m" + random.nextInt(meetings))
                    .dateStart(Instant.ofEpochMilli(start))
                    .dateStop(Instant.ofEpochMilli(start + length))
                    .dateJoin(random.nextBoolean() ? Instant.ofEpochMilli(start) : null)
                    .disconnectCause(random.nextInt(3) == 0 ? null : 14 + random.nextInt(4))
                    .duration(random.nextInt(10) == 0 ? null : Seconds.ofMillis(length))
                    .build());
        }
        return legs;
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }
}
