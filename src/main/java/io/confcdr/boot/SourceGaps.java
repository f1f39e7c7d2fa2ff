package io.confcdr.boot;

import io.confcdr.ingest.SourceGapGauges;
import io.confcdr.store.Storage;
import io.confcdr.store.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the source gap gauges, seeded from the store so a restarted process reports the gaps it inherits. */
final class SourceGaps {

    private static final Logger LOG = LoggerFactory.getLogger(SourceGaps.class);

    private SourceGaps() {
    }

    static SourceGapGauges gauges(Storage storage, MeterRegistry metrics) {
        var gauges = new SourceGapGauges(metrics, SourceGapGauges.DEFAULT_MAX_NAMES);
        try {
            gauges.seed(storage.sources().gapCounts());
        } catch (StoreUnavailableException e) {
            // The process still starts with a database that is down (health says so); each source's gauge
            // becomes right again with its next batch.
            LOG.warn("source gap gauges start empty: {}", e.getMessage());
        }
        return gauges;
    }
}
