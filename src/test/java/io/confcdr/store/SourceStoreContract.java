package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.SequenceRange;
import io.confcdr.store.SourceStore.Source;
import io.confcdr.store.SourceStore.SourceState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every source store does, checked against the plainest reference there is: the set of every number
 * received. Each test uses owners of its own, so the tests share one store.
 */
public abstract class SourceStoreContract extends StorageContract {

    protected static Source newSource(String name) {
        return new Source("owner-" + UUID.randomUUID(), name);
    }

    protected SourceState stateOf(Source source) {
        return storage.sources().list(Set.of(source.owner())).stream()
                .filter(state -> state.source().equals(source)).findFirst().orElseThrow();
    }

    protected Source receive(Source source, long first, long last) {
        storage.sources().insertReceived(source, new SequenceRange(first, last), List.of());
        return source;
    }

    /** The reference's answer for {@code missing}: every number from the lowest to the highest not in the set. */
    protected static List<SequenceRange> missingIn(NavigableSet<Long> received) {
        List<SequenceRange> gaps = new ArrayList<>();
        Long gapStart = null;
        for (long n = received.first(); n <= received.last(); n++) {
            if (!received.contains(n) && gapStart == null) {
                gapStart = n;
            } else if (received.contains(n) && gapStart != null) {
                gaps.add(new SequenceRange(gapStart, n - 1));
                gapStart = null;
            }
        }
        return gaps;
    }

    protected static void assertAgrees(SourceState state, NavigableSet<Long> reference, String context) {
        assertThat(state.received().count()).as(context + ": records").isEqualTo(reference.size());
        assertThat(state.received().highest()).as(context + ": highest").isEqualTo(reference.last());
        assertThat(state.received().ranges().getFirst().first()).as(context + ": lowest").isEqualTo(reference.first());
        assertThat(state.received().missing()).as(context + ": missing").isEqualTo(missingIn(reference));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026, 0xC0FFEE, 31337})
    void agreesWithTheSetOfReceivedNumbersWhateverTheOrderOverlapsAndResends(long seed) {
        var random = new Random(seed);
        Source source = newSource("bridge-" + seed);
        NavigableSet<Long> reference = new TreeSet<>();
        List<SequenceRange> sent = new ArrayList<>();
        for (int batch = 0; batch < 80; batch++) {
            SequenceRange range;
            if (!sent.isEmpty() && random.nextInt(5) == 0) {
                range = sent.get(random.nextInt(sent.size())); // a resend
            } else {
                long first = random.nextInt(600);
                range = new SequenceRange(first, first + random.nextInt(random.nextBoolean() ? 3 : 40));
            }
            sent.add(range);
            SourceStore.Receipt receipt = storage.sources().insertReceived(source, range, List.of());
            for (long n = range.first(); n <= range.last(); n++) {
                reference.add(n);
            }
            String context = "seed " + seed + " after batch " + batch + " " + range;
            assertThat(receipt.gaps()).as(context + ": gaps").isEqualTo(missingIn(reference).size());
            if (batch % 10 == 9) {
                assertAgrees(stateOf(source), reference, context);
            }
        }
        assertAgrees(stateOf(source), reference, "seed " + seed);
        assertThat(storage.sources().gapCounts()).containsEntry(source, missingIn(reference).size());
    }

    @Test
    void aSourceSentInOrderIsKeptAsOneRange() {
        Source source = newSource("in-order");
        for (int batch = 0; batch < 200; batch++) {
            receive(source, batch * 50L, batch * 50L + 49);
        }
        SourceState state = stateOf(source);
        assertThat(state.received().ranges()).containsExactly(new SequenceRange(0, 9_999));
        assertThat(state.received().count()).isEqualTo(10_000);
    }

    @Test
    void aLateBatchFillsItsGapAndTheRangesMergeIntoOne() {
        Source source = newSource("late");
        receive(source, 0, 99);
        receive(source, 200, 299);
        assertThat(stateOf(source).received().missing()).containsExactly(new SequenceRange(100, 199));

        receive(source, 100, 199);

        assertThat(stateOf(source).received().ranges()).containsExactly(new SequenceRange(0, 299));
        assertThat(storage.sources().gapCounts()).containsEntry(source, 0);
    }

    @Test
    void theRecordsOfTheBatchAreStoredWithItsNumbersAndAResendCountsOnce() {
        var records = new TestRecords();
        List<Cdr> batch = List.of(records.call("a").build(), records.call("b").build());
        Source source = newSource("with-records");

        SourceStore.Receipt first = storage.sources().insertReceived(source, new SequenceRange(10, 11), batch);
        SourceStore.Receipt again = storage.sources().insertReceived(source, new SequenceRange(10, 11), batch);

        assertThat(first.results()).allMatch(result -> result instanceof InsertResult.Stored);
        assertThat(again.results()).allMatch(result -> result instanceof InsertResult.Duplicate);
        assertThat(storage.cdrs().find(records.sid("a"), io.confcdr.query.Visibility.of(records.partnerSid()))).isPresent();
        assertThat(stateOf(source).received().count()).isEqualTo(2);
        assertThat(stateOf(source).dateLastSeen()).isEqualTo(io.confcdr.model.Timestamps.truncate(NOW));
    }

    @Test
    void sourcesOfTheSameNameAreKeptApartByOwnerAndListedOnlyToTheirOwners() {
        Source mine = receive(newSource("shared-name"), 0, 9);
        Source theirs = receive(new Source("owner-" + UUID.randomUUID(), "shared-name"), 100, 100);

        assertThat(storage.sources().list(Set.of(mine.owner()))).extracting(SourceState::source).containsExactly(mine);
        assertThat(stateOf(mine).received().count()).isEqualTo(10);
        assertThat(stateOf(theirs).received().count()).isEqualTo(1);
        assertThat(storage.sources().list(Set.of())).isEmpty();
        assertThat(storage.sources().list(null)).extracting(SourceState::source).contains(mine, theirs);
    }

    @Test
    void concurrentBatchesOfOneSourceLoseNoNumber() throws Exception {
        Source source = newSource("concurrent");
        List<SequenceRange> batches = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            batches.add(new SequenceRange(i * 10L, i * 10L + 9));
        }
        Collections.shuffle(batches, new Random(5));
        List<Callable<Object>> work = new ArrayList<>();
        for (SequenceRange range : batches) {
            work.add(() -> storage.sources().insertReceived(source, range, List.of()));
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<Object> done : pool.invokeAll(work)) {
                done.get();
            }
        }
        assertThat(stateOf(source).received().ranges()).containsExactly(new SequenceRange(0, 1_599));
    }
}
