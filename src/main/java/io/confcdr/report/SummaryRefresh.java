package io.confcdr.report;

import io.confcdr.store.SlotSummary;
import io.confcdr.store.SummaryStore;
import io.confcdr.store.SummaryWriter;
import io.confcdr.store.UsageCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recomputes the slot summaries of the slots marked stale, for every subtree holding the marks' partners,
 * then clears those marks, in one transaction per round. Slots of one UTC day are recomputed as one run
 * from the first marked to the last, and the day's summary from its slots'.
 */
public final class SummaryRefresh {

    /** Marks per round: bounds how long one refresh holds SQLite's writer. */
    public static final int DEFAULT_MARKS = 2000;
    /** Rounds per pass in {@code serve}, so that a feed marking slots as fast as they are refreshed cannot hold a pass forever. */
    public static final int MAX_ROUNDS = 100;
    /** Between passes in {@code serve}: what a report computes from legs is at most this much of fresh ingest. */
    public static final java.time.Duration INTERVAL = java.time.Duration.ofSeconds(10);
    private static final long SLOT = UsageCell.SLOT_MILLIS;
    private static final long DAY = SlotSummary.DAY_SLOTS * SLOT;

    private final SummaryStore store;
    private final int marksPerRound;

    public SummaryRefresh(SummaryStore store, int marksPerRound) {
        this.store = store;
        this.marksPerRound = marksPerRound;
    }

    /** One round: returns how many marks it cleared, 0 when none was left or another process was refreshing. */
    public int refreshOnce() {
        if (!store.keepsSummaries()) {
            return 0;
        }
        return store.refresh(this::refresh).orElse(0);
    }

    /** Rounds until no mark is left or {@code maxRounds} ran; returns the marks cleared. */
    public long refreshAll(int maxRounds) {
        long cleared = 0;
        for (int round = 0; round < maxRounds; round++) {
            int marks = refreshOnce();
            if (marks == 0) {
                break;
            }
            cleared += marks;
        }
        return cleared;
    }

    private int refresh(SummaryWriter writer) {
        List<SummaryWriter.Mark> marks = writer.marks(marksPerRound);
        if (marks.isEmpty()) {
            return 0;
        }
        // The tree is read after the marks, in the refresh's own transaction (never a second connection
        // while this one is held): a move committed before them is seen with its marks.
        Map<String, String> parents = writer.partnerParents();
        Map<String, Set<String>> subtrees = Subtrees.of(parents);
        Map<String, List<String>> chains = new HashMap<>();
        Map<String, NavigableSet<Long>> slotsByScope = new TreeMap<>();
        for (SummaryWriter.Mark mark : marks) {
            for (String scope : chains.computeIfAbsent(mark.partnerSid(), sid -> chain(sid, parents))) {
                slotsByScope.computeIfAbsent(scope, s -> new TreeSet<>()).add(mark.slot());
            }
        }
        long longest = writer.longestLegMillis();
        slotsByScope.forEach((scope, slots) -> {
            Set<String> subtree = subtrees.getOrDefault(scope, Set.of());
            Map<Long, List<Long>> byDay = new TreeMap<>();
            slots.forEach(slot -> byDay.computeIfAbsent(SlotSummaries.dayOf(slot), d -> new ArrayList<>()).add(slot));
            byDay.forEach((day, daySlots) -> {
                long from = daySlots.getFirst();
                long to = daySlots.getLast() + SLOT;
                writer.replace(scope, 1, from, to, subtree.isEmpty() ? List.of()
                        : SummaryReading.compute(writer, scope, subtree, from, to, longest));
                List<SlotSummary> ofDay = new ArrayList<>();
                writer.summaries(List.of(scope), 1, day, day + DAY, (s, summary) -> ofDay.add(summary));
                writer.replace(scope, SlotSummary.DAY_SLOTS, day, day + DAY,
                        ofDay.isEmpty() ? List.of() : List.of(SlotSummaries.day(day, ofDay)));
            });
        });
        writer.clear(marks);
        return marks.size();
    }

    /** The partner and its ancestors: every subtree holding it. */
    private static List<String> chain(String partnerSid, Map<String, String> parents) {
        List<String> chain = new ArrayList<>();
        for (String sid = partnerSid; sid != null && parents.containsKey(sid) && !chain.contains(sid); sid = parents.get(sid)) {
            chain.add(sid);
        }
        return chain;
    }
}
