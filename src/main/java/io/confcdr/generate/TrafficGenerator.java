package io.confcdr.generate;

import io.confcdr.model.Cdr;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Realistic conference traffic, the same for the same seed: meetings of 1 to 300 legs (most small, a
 * few large) starting in business hours of each partner's time zone across the date range, with about
 * {@value #FAILED_SHARE_PERCENT}% failed calls. Records come out in {@code date_stop} order, as bridges
 * emit them.
 *
 * <pre>{@code
 * var generator = new TrafficGenerator(TrafficSettings.ofSeed(42));
 * generator.partners();             // create these first: ingest rejects unknown partners
 * generator.records(20_000).forEachRemaining(...);
 * }</pre>
 */
public final class TrafficGenerator {

    static final int FAILED_SHARE_PERCENT = 4;
    static final int MAX_MEETING_SIZE = 300;
    private static final double SIZE_TAIL = 1.3;
    private static final double SOLO_MEETINGS = 0.05;

    private final TrafficSettings settings;

    public TrafficGenerator(TrafficSettings settings) {
        this.settings = settings;
    }

    /** The partner tree owning the records, parents before children. */
    public List<GeneratedPartner> partners() {
        return PartnerTree.partners();
    }

    /** The root of {@link #partners()}: a token for it with descendant scope sees every record. */
    public GeneratedPartner rootPartner() {
        return PartnerTree.TENANTS.getFirst().partner();
    }

    /** Exactly {@code count} records in {@code date_stop} order; each call starts a fresh, identical run. */
    public Iterator<Cdr> records(long count) {
        return new Run(count);
    }

    public Stream<Cdr> stream(long count) {
        return StreamSupport.stream(Spliterators.spliterator(records(count), count,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED), false);
    }

    /**
     * Heavy-tailed meeting size: a Pareto tail from 2 legs, capped at {@value #MAX_MEETING_SIZE}, plus a
     * few meetings where the host stays alone.
     */
    private static int meetingSize(SplittableRandom random) {
        if (random.nextDouble() < SOLO_MEETINGS) {
            return 1;
        }
        double pareto = 2 * Math.pow(1.0 - random.nextDouble(), -1.0 / SIZE_TAIL);
        return (int) Math.min(MAX_MEETING_SIZE, pareto);
    }

    /** The exact mean of {@link #meetingSize}: sum over k of P(size >= k). */
    static double meanMeetingSize() {
        double atLeast = 2;
        for (int k = 3; k <= MAX_MEETING_SIZE; k++) {
            atLeast += Math.pow(k / 2.0, -SIZE_TAIL);
        }
        return SOLO_MEETINGS + (1 - SOLO_MEETINGS) * atLeast;
    }

    /** One pass over the traffic: meetings are built as they start and released once no leg can stop earlier. */
    private final class Run implements Iterator<Cdr> {

        private final SplittableRandom random = new SplittableRandom(settings.seed());
        private final MeetingSchedule schedule;
        private final MeetingFactory meetings;
        private final StopOrderQueue pending = new StopOrderQueue();
        private final ArrayDeque<Cdr> ready = new ArrayDeque<>();
        private long toBuild;

        Run(long count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
            this.toBuild = count;
            var sids = new SidSequence(settings.seed());
            var phonebook = new Phonebook(random);
            var rooms = new RoomDirectory(PartnerTree.TENANTS, sids, phonebook, random);
            double meanSize = meanMeetingSize();
            double guestsPerMeeting = meanSize - 1 - MeetingFactory.RECORDED_MEETINGS;
            double failureRate = FAILED_SHARE_PERCENT / 100.0 * meanSize / guestsPerMeeting;
            this.meetings = new MeetingFactory(random, sids, phonebook, rooms, failureRate);
            this.schedule = new MeetingSchedule(PartnerTree.TENANTS, settings.from(), settings.days(), count,
                    meanSize, random);
        }

        @Override
        public boolean hasNext() {
            fill();
            return !ready.isEmpty();
        }

        @Override
        public Cdr next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void fill() {
            while (ready.isEmpty() && (toBuild > 0 || !pending.isEmpty())) {
                if (toBuild == 0) {
                    ready.add(pending.poll());
                    continue;
                }
                MeetingSchedule.Arrival arrival = schedule.next(toBuild);
                // Every later leg starts (so stops) at or after this meeting's start.
                while (!pending.isEmpty() && pending.earliestStopMillis() <= arrival.startMillis()) {
                    ready.add(pending.poll());
                }
                int size = (int) Math.min(meetingSize(random), toBuild);
                toBuild -= size;
                meetings.build(arrival.startMillis(), arrival.tenant(), size, pending::add);
            }
        }
    }
}
