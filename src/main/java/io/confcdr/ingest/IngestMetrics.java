package io.confcdr.ingest;

import io.confcdr.model.Cdr;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/** {@code confcdr_ingest_records_total{outcome=accepted|duplicate|rejected}}: what bridges send and what becomes of it. */
public final class IngestMetrics implements IngestListener {

    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;

    public IngestMetrics(MeterRegistry registry) {
        this.accepted = counter(registry, "accepted");
        this.duplicates = counter(registry, "duplicate");
        this.rejected = counter(registry, "rejected");
    }

    @Override
    public void committed(IngestReport report, List<Cdr> stored) {
        accepted.increment(report.accepted());
        duplicates.increment(report.duplicates());
        rejected.increment(report.rejected().size());
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("confcdr.ingest.records")
                .description("Ingested CDRs by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
