package io.confcdr.ingest;

import io.confcdr.model.Cdr;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * {@code confcdr_ingest_records_total{outcome=accepted|duplicate|rejected}}: what bridges send and what becomes
 * of it; {@code confcdr_ingest_batches_total}: the batches (requests, import chunks) that carried them.
 */
public final class IngestMetrics implements IngestListener {

    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;
    private final Counter batches;

    public IngestMetrics(MeterRegistry registry) {
        this.accepted = counter(registry, "accepted");
        this.duplicates = counter(registry, "duplicate");
        this.rejected = counter(registry, "rejected");
        this.batches = Counter.builder("confcdr.ingest.batches")
                .description("Ingest batches processed, whatever became of their records")
                .register(registry);
    }

    @Override
    public void committed(IngestReport report, List<Cdr> stored) {
        accepted.increment(report.accepted());
        duplicates.increment(report.duplicates());
        rejected.increment(report.rejected().size());
        batches.increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("confcdr.ingest.records")
                .description("Ingested CDRs by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
