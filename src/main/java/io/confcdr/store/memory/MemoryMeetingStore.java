package io.confcdr.store.memory;

import io.confcdr.model.MeetingSummary;
import io.confcdr.model.Cdr;
import io.confcdr.query.MeetingOrder;
import io.confcdr.query.MeetingQuery;
import io.confcdr.query.TextOrder;
import io.confcdr.query.Visibility;
import io.confcdr.store.MeetingPage;
import io.confcdr.store.MeetingStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Meetings over the reference store's records, written plainly: group the visible legs by meeting_sid,
 * summarise every meeting, sort, cut the page.
 */
final class MemoryMeetingStore implements MeetingStore {

    private static final Comparator<Cdr> LEG_ORDER = Comparator.comparing(Cdr::dateStart)
            .thenComparing(Cdr::callSid, TextOrder::compare);

    private final Supplier<List<Cdr>> records;

    /** @param records a snapshot of every stored record */
    MemoryMeetingStore(Supplier<List<Cdr>> records) {
        this.records = records;
    }

    @Override
    public List<Cdr> legs(String meetingSid, Visibility visibility) {
        return records.get().stream()
                .filter(cdr -> meetingSid.equals(cdr.meetingSid()) && visibility.allows(cdr.partnerSid()))
                .sorted(LEG_ORDER)
                .toList();
    }

    @Override
    public MeetingPage page(MeetingQuery query, Visibility visibility) {
        Map<String, List<Cdr>> meetings = new LinkedHashMap<>();
        for (Cdr cdr : records.get()) {
            if (cdr.meetingSid() != null && visibility.allows(cdr.partnerSid())) {
                meetings.computeIfAbsent(cdr.meetingSid(), sid -> new ArrayList<>()).add(cdr);
            }
        }
        List<List<Cdr>> selected = new ArrayList<>();
        for (List<Cdr> legs : meetings.values()) {
            if (legs.stream().anyMatch(cdr -> ReferenceEvaluator.matches(query.filter(), cdr))) {
                selected.add(legs.stream().sorted(LEG_ORDER).toList());
            }
        }
        Comparator<List<Cdr>> order = Comparator.comparing(legs -> MeetingSummary.of(legs.getFirst().meetingSid(), legs), order(query.order()));
        selected.sort(order);
        int from = (int) Math.min(query.offset(), selected.size());
        int to = (int) Math.min((long) from + query.limit(), selected.size());
        return new MeetingPage(selected.subList(from, to), to < selected.size());
    }

    private static Comparator<MeetingSummary> order(MeetingOrder order) {
        Comparator<MeetingSummary> byKey = switch (order.key()) {
            case DATE_START -> Comparator.comparing(MeetingSummary::dateStart);
            case DATE_STOP -> Comparator.comparing(MeetingSummary::dateStop);
            case LEGS -> Comparator.comparingInt(MeetingSummary::legs);
            case MEETING_SID -> (a, b) -> 0;
            case MINUTES -> Comparator.comparing(MeetingSummary::legSeconds);
            case PEAK_CONCURRENT_LEGS -> Comparator.comparingInt(MeetingSummary::peakConcurrentLegs);
        };
        Comparator<MeetingSummary> ascending = byKey.thenComparing(MeetingSummary::meetingSid, TextOrder::compare);
        return order.descending() ? ascending.reversed() : ascending;
    }
}
