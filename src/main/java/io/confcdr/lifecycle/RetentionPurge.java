package io.confcdr.lifecycle;

import io.confcdr.model.Partner;
import io.confcdr.store.PartnerStore;
import io.confcdr.store.RetentionStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of retention: every partner's records whose date_stop lies more than its effective retention
 * before now (its own {@code cdr_retention_days}, else the nearest ancestor's; none keeps them forever) are
 * deleted, a batch per transaction, so that ingest and reads wait at most for one batch. A partner that
 * shortens its retention loses its older records at the next pass; lengthening it brings nothing back.
 *
 * <p>What it removed is told on the audit logger (one line per partner per pass that removed something: its
 * sid and the count, never a number or a call_sid) and in {@code confcdr_retention_purged_records_total}
 * and {@code confcdr_retention_last_run_seconds} (the end of the last completed pass, Unix seconds).
 */
public final class RetentionPurge {

    /** Records per transaction: a few milliseconds of deletion on either database. */
    public static final int DEFAULT_BATCH = 1000;

    private static final Logger AUDIT = LoggerFactory.getLogger("confcdr.audit");

    private final PartnerStore partners;
    private final RetentionStore store;
    private final Clock clock;
    private final int batch;
    private final Counter purged;
    private final AtomicLong lastRun = new AtomicLong();

    public RetentionPurge(PartnerStore partners, RetentionStore store, Clock clock, MeterRegistry metrics, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("a purge batch holds at least one record");
        }
        this.partners = partners;
        this.store = store;
        this.clock = clock;
        this.batch = batch;
        this.purged = Counter.builder("confcdr.retention.purged.records")
                .description("records deleted because their partner's retention expired")
                .register(metrics);
        Gauge.builder("confcdr.retention.last.run.seconds", lastRun, AtomicLong::get)
                .description("when the last retention pass ended, Unix seconds; 0 before the first")
                .register(metrics);
    }

    /**
     * Deletes every expired record as of the clock's now.
     *
     * @return the records deleted per partner sid (partners without expired records are absent)
     * @throws io.confcdr.store.StoreUnavailableException when the database cannot be reached; what was
     *         deleted before stays deleted and is counted, the rest waits for the next pass
     */
    public Map<String, Long> runOnce() {
        Instant now = clock.instant();
        Map<String, Long> removed = new TreeMap<>();
        try {
            for (Map.Entry<String, Integer> entry : new TreeMap<>(Partner.effectiveRetentionDays(partners.all())).entrySet()) {
                long count = purge(entry.getKey(), now.minus(Duration.ofDays(entry.getValue())));
                if (count > 0) {
                    removed.put(entry.getKey(), count);
                }
            }
        } finally {
            removed.forEach((partner, count) ->
                    AUDIT.info("retention partner={} records={}", partner, count));
        }
        lastRun.set(clock.instant().getEpochSecond());
        return removed;
    }

    private long purge(String partnerSid, Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = store.purgeExpired(Set.of(partnerSid), cutoff, batch);
            total += deleted;
            purged.increment(deleted);
        } while (deleted == batch);
        return total;
    }
}
