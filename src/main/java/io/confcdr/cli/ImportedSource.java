package io.confcdr.cli;

import io.confcdr.auth.Caller;
import io.confcdr.ingest.SourceSequences;
import io.confcdr.model.SequenceRange;
import io.confcdr.model.SequenceRanges;
import io.confcdr.store.SourceStore;
import java.util.stream.Collectors;

/** The line {@code import --source} ends with: what the store now knows of the operator's source. */
final class ImportedSource {

    private static final int GAPS_SHOWN = 10;

    private ImportedSource() {
    }

    static String describe(SourceSequences sources, String name) {
        return sources.list(Caller.operator()).stream()
                .filter(state -> state.source().equals(new SourceStore.Source(SourceStore.OPERATOR, name)))
                .findFirst()
                .map(state -> describe(name, state.received()))
                .orElse("confcdr import: source " + name + " has no records");
    }

    private static String describe(String name, SequenceRanges received) {
        String head = "confcdr import: source " + name + " has " + received.count() + " records numbered "
                + received.ranges().getFirst().first() + " to " + received.highest();
        if (received.gapCount() == 0) {
            return head + ", none missing";
        }
        String gaps = received.missing().stream().limit(GAPS_SHOWN)
                .map(ImportedSource::range).collect(Collectors.joining(", "));
        return head + "; missing " + gaps + (received.gapCount() > GAPS_SHOWN ? ", …" : "");
    }

    private static String range(SequenceRange range) {
        return range.size() == 1 ? Long.toString(range.first()) : range.first() + "-" + range.last();
    }
}
