package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.SequenceRange;
import io.confcdr.store.SourceStore.Source;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link SourceStoreContract}, and what only a database can show: the sources outlive the process. */
public abstract class SqlSourceStoreContract extends SourceStoreContract {

    /** The same database as {@link #openStorage}, opened again after it was closed. */
    protected abstract Storage reopenStorage(Clock clock);

    @Test
    void aRestartedStoreKnowsExactlyWhatEachSourceSent() {
        Source source = newSource("restart");
        NavigableSet<Long> reference = new TreeSet<>();
        for (long[] range : new long[][] {{0, 99}, {150, 199}, {120, 129}, {150, 160}, {300, 300}}) {
            receive(source, range[0], range[1]);
            for (long n = range[0]; n <= range[1]; n++) {
                reference.add(n);
            }
        }

        storage.close();
        storage = reopenStorage(Clock.fixed(NOW, ZoneOffset.UTC));

        assertAgrees(stateOf(source), reference, "after the restart");
        assertThat(stateOf(source).received().missing()).containsExactly(
                new SequenceRange(100, 119), new SequenceRange(130, 149), new SequenceRange(200, 299));
        assertThat(storage.sources().gapCounts()).containsEntry(source, 3);
        receive(source, 100, 299);
        assertThat(stateOf(source).received().ranges()).containsExactly(new SequenceRange(0, 300));
    }
}
