package io.confcdr.ingest;

import io.confcdr.store.Storage;
import java.io.InputStream;
import java.time.Clock;

/**
 * Validates, normalises and stores batches of CDRs. Shared by {@code POST /ingest/v1/conference/calls}
 * and {@code confcdr import}, so both accept and reject exactly the same records.
 */
public final class Ingestor {

    private final Storage storage;
    private final Clock clock;

    public Ingestor(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** One record per line (blank lines ignored). */
    public IngestReport ingestNdjson(InputStream body) {
        throw new UnsupportedOperationException("TODO(ingest)");
    }
}
