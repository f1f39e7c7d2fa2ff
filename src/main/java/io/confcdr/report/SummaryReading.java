package io.confcdr.report;

import io.confcdr.model.Cdr;
import io.confcdr.store.SlotSummary;
import io.confcdr.store.SummarySnapshot;
import io.confcdr.store.UsageCell;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A usage report on whole partner subtrees from their slot summaries, in one snapshot: whole UTC days by
 * their day summary where every group key keeps one value over the day, other slots by theirs, and slots
 * marked stale computed from their legs on the spot ({@link #compute}, what a refresh stores).
 */
final class SummaryReading {

    private static final long SLOT = UsageCell.SLOT_MILLIS;
    private static final long DAY = SlotSummary.DAY_SLOTS * SLOT;
    /** No record starts before year 0 (dates are RFC 3339, four-digit years). */
    private static final long EARLIEST = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();

    /**
     * Whether the summaries answer exactly: every group that starts somewhere (a calendar bucket, or the
     * filter's lower bound) is shorter than {@link SlotSummaries#MAX_AGE} slots; a group with no start
     * (no calendar key, no lower bound) counts everything earlier, which the arrays' last values hold.
     */
    static boolean exactFor(UsageQuery query, Long filterFrom, Long filterTo) {
        boolean calendar = query.groupBy().stream().anyMatch(GroupKey::calendar);
        return calendar || filterFrom == null
                || (filterTo != null && filterTo - filterFrom < (long) SlotSummaries.MAX_AGE * SLOT);
    }

    private final UsageQuery query;
    private final Long filterFrom;
    private final Long filterTo;
    private final CalendarLabels[] labels;
    private final ChronoUnit finest;
    private final int partnerIndex;

    /** @param filterFrom, filterTo the filter's bounds on date_start (slot boundaries), null when absent */
    SummaryReading(UsageQuery query, Long filterFrom, Long filterTo) {
        this.query = query;
        this.filterFrom = filterFrom;
        this.filterTo = filterTo;
        this.labels = query.groupBy().stream().map(key -> key.calendar() ? key.labels(query.zone()) : null)
                .toArray(CalendarLabels[]::new);
        this.partnerIndex = query.groupBy().indexOf(GroupKey.PARTNER_SID);
        ChronoUnit unit = null;
        for (GroupKey key : query.groupBy()) {
            ChronoUnit keyUnit = switch (key) {
                case HOUR -> ChronoUnit.HOURS;
                case DAY -> ChronoUnit.DAYS;
                case MONTH -> ChronoUnit.MONTHS;
                default -> null;
            };
            if (keyUnit != null && (unit == null || keyUnit.getDuration().compareTo(unit.getDuration()) < 0)) {
                unit = keyUnit;
            }
        }
        this.finest = unit;
    }

    /**
     * The slot summaries of [from, to) for the subtree rooted at {@code scope} (partners {@code subtree}),
     * computed from the legs of {@code snapshot}.
     */
    static List<SlotSummary> compute(SummarySnapshot snapshot, String scope, Collection<String> subtree, long from, long to,
            long longestLeg) {
        List<Cdr> legs = new ArrayList<>();
        snapshot.legs(subtree, Math.max(from - longestLeg, EARLIEST), to, legs::add);
        Set<String> meetings = new HashSet<>();
        for (Cdr leg : legs) {
            if (leg.meetingSid() != null && leg.dateStart().toEpochMilli() >= from) {
                meetings.add(leg.meetingSid());
            }
        }
        Map<String, Long> prior = meetings.isEmpty() ? Map.of() : snapshot.latestStarts(subtree, meetings, from);
        return SlotSummaries.slots(scope, from, to, legs, prior);
    }

    /**
     * The rows for the subtrees rooted at {@code scopes} (one, or under {@code rollup=tree} every visible
     * partner, each its own row), {@code subtrees} holding each one's partners.
     */
    List<UsageRow> rows(SummarySnapshot snapshot, List<String> scopes, Map<String, Set<String>> subtrees) {
        Map<List<Object>, SlotSummaries.Group> groups = new HashMap<>();
        var range = filterFrom != null && filterTo != null ? Optional.of(new long[] {filterFrom, filterTo - 1})
                : snapshot.startRange();
        if (range.isPresent()) {
            long from = filterFrom != null ? filterFrom : SlotSummaries.slotOf(range.get()[0]);
            long to = filterTo != null ? filterTo : SlotSummaries.slotOf(range.get()[1]) + SLOT;
            if (from < to) {
                pieces(snapshot, scopes, subtrees, from, to).forEach((scope, pieces) -> {
                    for (SlotSummary piece : pieces) {
                        groups.computeIfAbsent(key(scope, piece.start()), k -> new SlotSummaries.Group())
                                .add(piece, groupStart(piece.start()));
                    }
                });
            }
        }
        if (query.groupBy().isEmpty() && groups.isEmpty()) {
            groups.put(List.of(), new SlotSummaries.Group());
        }
        List<UsageRow> rows = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> rows.add(new UsageRow(key, group.measures(query.rollupTree()))));
        rows.sort(UsageReport.KEY_ORDER);
        return rows;
    }

    private Map<String, List<SlotSummary>> pieces(SummarySnapshot snapshot, List<String> scopes,
            Map<String, Set<String>> subtrees, long from, long to) {
        Set<String> partners = new LinkedHashSet<>();
        scopes.forEach(scope -> partners.addAll(subtrees.get(scope)));
        Map<String, NavigableSet<Long>> stale = new HashMap<>();
        for (SummarySnapshot.StaleSlot mark : snapshot.staleSlots(partners, from, to)) {
            for (String scope : scopes) {
                if (subtrees.get(scope).contains(mark.partnerSid())) {
                    stale.computeIfAbsent(scope, s -> new TreeSet<>()).add(mark.slot());
                }
            }
        }
        List<Long> wholeDays = new ArrayList<>();
        for (long day = ceilDay(from); day + DAY <= to; day += DAY) {
            if (Arrays.equals(labels(day), labels(day + DAY - 1))) {
                wholeDays.add(day);
            }
        }
        Map<String, Set<Long>> dayPieces = new HashMap<>();
        Set<Long> dayPiecesOfAll = new HashSet<>(wholeDays);
        for (String scope : scopes) {
            Set<Long> days = new HashSet<>(wholeDays);
            stale.getOrDefault(scope, new TreeSet<>()).forEach(slot -> days.remove(SlotSummaries.dayOf(slot)));
            dayPieces.put(scope, days);
            dayPiecesOfAll.retainAll(days);
        }
        Map<String, List<long[]>> runs = new HashMap<>();
        stale.forEach((scope, slots) -> runs.put(scope, runs(slots, from, to)));

        Map<String, List<SlotSummary>> pieces = new HashMap<>();
        scopes.forEach(scope -> pieces.put(scope, new ArrayList<>()));
        if (!wholeDays.isEmpty()) {
            snapshot.summaries(scopes, SlotSummary.DAY_SLOTS, wholeDays.getFirst(), wholeDays.getLast() + DAY, (scope, day) -> {
                if (dayPieces.get(scope).contains(day.start())) {
                    pieces.get(scope).add(day);
                }
            });
        }
        for (long[] gap : gaps(from, to, dayPiecesOfAll)) {
            snapshot.summaries(scopes, 1, gap[0], gap[1], (scope, slot) -> {
                if (!dayPieces.get(scope).contains(SlotSummaries.dayOf(slot.start()))
                        && !within(runs.getOrDefault(scope, List.of()), slot.start())) {
                    pieces.get(scope).add(slot);
                }
            });
        }
        if (!runs.isEmpty()) {
            long longest = snapshot.longestLegMillis();
            runs.forEach((scope, scopeRuns) -> {
                for (long[] run : scopeRuns) {
                    pieces.get(scope).addAll(compute(snapshot, scope, subtrees.get(scope), run[0], run[1], longest));
                }
            });
        }
        return pieces;
    }

    /** The stale slots of each UTC day as one run from the first to the last, within [from, to). */
    private static List<long[]> runs(NavigableSet<Long> slots, long from, long to) {
        List<long[]> runs = new ArrayList<>();
        long[] run = null;
        for (long slot : slots) {
            if (run != null && SlotSummaries.dayOf(slot) == SlotSummaries.dayOf(run[0])) {
                run[1] = slot + SLOT;
            } else {
                run = new long[] {slot, slot + SLOT};
                runs.add(run);
            }
        }
        for (long[] r : runs) {
            r[0] = Math.max(r[0], from);
            r[1] = Math.min(r[1], to);
        }
        return runs;
    }

    private static boolean within(List<long[]> runs, long slot) {
        for (long[] run : runs) {
            if (slot >= run[0] && slot < run[1]) {
                return true;
            }
        }
        return false;
    }

    /** [from, to) without the given whole days, as ranges. */
    private static List<long[]> gaps(long from, long to, Set<Long> days) {
        List<long[]> gaps = new ArrayList<>();
        long at = from;
        for (long day : new TreeSet<>(days)) {
            if (day > at) {
                gaps.add(new long[] {at, day});
            }
            at = day + DAY;
        }
        if (at < to) {
            gaps.add(new long[] {at, to});
        }
        return gaps;
    }

    private static long ceilDay(long millis) {
        long day = SlotSummaries.dayOf(millis);
        return day == millis ? day : day + DAY;
    }

    private Object[] labels(long millis) {
        Object[] values = new Object[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = labels[i] == null ? null : labels[i].labelOf(Instant.ofEpochMilli(millis));
        }
        return values;
    }

    private List<Object> key(String scope, long start) {
        Object[] key = labels(start);
        if (partnerIndex >= 0) {
            key[partnerIndex] = scope;
        }
        return Arrays.asList(key);
    }

    /**
     * Where the group of a span starting at {@code start} begins: the first instant of its finest calendar
     * bucket (the earliest instant with that label: its first occurrence when the clock goes back), or the
     * filter's lower bound when that is later, or unbounded.
     */
    private long groupStart(long start) {
        long lower = filterFrom == null ? SlotSummary.UNBOUNDED : filterFrom;
        if (finest == null) {
            return lower;
        }
        ZoneId zone = query.zone();
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(start), zone);
        LocalDateTime first = switch (finest) {
            case HOURS -> local.truncatedTo(ChronoUnit.HOURS);
            case DAYS -> local.truncatedTo(ChronoUnit.DAYS);
            default -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
        long bucket = ZonedDateTime.ofLocal(first, zone, null).toInstant().toEpochMilli();
        return Math.max(bucket, lower);
    }
}
