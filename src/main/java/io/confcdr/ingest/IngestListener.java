package io.confcdr.ingest;

import io.confcdr.model.Cdr;
import java.util.List;

/**
 * Told of every batch once the store has committed it: its report, and the records it newly stored, in
 * insertion order, carrying their date_insert. Called on the ingesting thread, so it must be quick; it is
 * how capabilities that react to new records (metrics, live streams, push) hear of them in this process.
 */
@FunctionalInterface
public interface IngestListener {

    void committed(IngestReport report, List<Cdr> stored);
}
