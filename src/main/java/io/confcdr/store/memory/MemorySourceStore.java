package io.confcdr.store.memory;

import io.confcdr.model.Cdr;
import io.confcdr.model.SequenceRange;
import io.confcdr.model.SequenceRanges;
import io.confcdr.model.Timestamps;
import io.confcdr.store.InsertResult;
import io.confcdr.store.SourceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sources in the heap. Every method holds the CDR store's lock, so the records of a batch and its numbers
 * become visible together, as one transaction would make them.
 */
final class MemorySourceStore implements SourceStore {

    private final MemoryCdrStore cdrs;
    private final Clock clock;
    private final Map<Source, SourceState> sources = new HashMap<>();

    MemorySourceStore(MemoryCdrStore cdrs, Clock clock) {
        this.cdrs = cdrs;
        this.clock = clock;
    }

    @Override
    public Receipt insertReceived(Source source, SequenceRange received, List<Cdr> records) {
        synchronized (cdrs) {
            List<InsertResult> results = cdrs.insert(records);
            SourceState before = sources.get(source);
            SequenceRanges ranges = (before == null ? SequenceRanges.none() : before.received()).plus(received);
            Instant now = Timestamps.truncate(clock.instant());
            sources.put(source, new SourceState(source, ranges, now));
            return new Receipt(results, ranges.gapCount());
        }
    }

    @Override
    public List<SourceState> list(Set<String> owners) {
        synchronized (cdrs) {
            return sources.values().stream()
                    .filter(state -> owners == null || owners.contains(state.source().owner()))
                    .sorted(Comparator.comparing((SourceState state) -> state.source().name())
                            .thenComparing(state -> state.source().owner()))
                    .toList();
        }
    }

    @Override
    public Map<Source, Integer> gapCounts() {
        synchronized (cdrs) {
            Map<Source, Integer> gaps = new HashMap<>();
            sources.forEach((source, state) -> gaps.put(source, state.received().gapCount()));
            return gaps;
        }
    }
}
