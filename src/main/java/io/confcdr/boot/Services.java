package io.confcdr.boot;

import io.confcdr.admin.PartnerAdmin;
import io.confcdr.admin.TokenAdmin;
import io.confcdr.auth.Authenticator;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.config.ServeConfig;
import io.confcdr.ingest.IngestMetrics;
import io.confcdr.ingest.Ingestor;
import io.confcdr.ingest.SourceSequences;
import io.confcdr.lifecycle.AggregateCompaction;
import io.confcdr.lifecycle.Erasures;
import io.confcdr.lifecycle.Periodic;
import io.confcdr.lifecycle.RetentionPurge;
import io.confcdr.meeting.Meetings;
import io.confcdr.push.LiveStreams;
import io.confcdr.push.StreamSettings;
import io.confcdr.push.DeliveryWorker;
import io.confcdr.push.PushSettings;
import io.confcdr.push.Subscriptions;
import io.confcdr.read.CdrReads;
import io.confcdr.report.Reports;
import io.confcdr.report.SummaryRefresh;
import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root: everything one confcdr process needs, built once and shared by {@code serve},
 * {@code demo}, the CLI's local commands and the tests. Adapters (the HTTP API, the CLI) take their use
 * cases from here and never build one themselves. A new capability adds its use case here, wired to the
 * storage, clock, metrics and hooks (such as {@link Ingestor#addListener}) it needs.
 */
public final class Services implements AutoCloseable {

    private final Storage storage;
    private final Clock clock;
    private final Meters meters;
    private final PrometheusMeterRegistry metrics;
    private final Authenticator authenticator;
    private final Ingestor ingestor;
    private final CdrReads reads;
    private final Meetings meetings;
    private final PartnerAdmin partners;
    private final TokenAdmin tokens;
    private final LiveStreams streams;
    private final Reports reports;
    private final Subscriptions subscriptions;
    private final DeliveryWorker delivery;
    private final SourceSequences sources;
    private final Erasures erasures;
    private final RetentionPurge retention;
    private final AggregateCompaction compaction;
    private Periodic retentionSchedule;
    private Periodic compactionSchedule;
    private final SummaryRefresh summaryRefresh;
    private final Counter summaryMarksCleared;
    private Periodic summarySchedule;

    private Services(Storage storage, Clock clock, StreamSettings streamSettings, PushSettings push) {
        this(storage, clock, streamSettings, push, Ingestor.DEFAULT_MAX_RECORDS);
    }

    private Services(Storage storage, Clock clock, StreamSettings streamSettings, PushSettings push,
            int maxRecordsPerBatch) {
        this.storage = storage;
        this.clock = clock;
        this.meters = new Meters();
        this.metrics = meters.registry();
        storage.bindMetrics(metrics);
        this.authenticator = new Authenticator(storage.tokens(), clock);
        this.ingestor = new Ingestor(storage, clock, maxRecordsPerBatch);
        ingestor.addListener(new IngestMetrics(metrics));
        this.sources = new SourceSequences(storage.sources(), storage.partners());
        ingestor.addSourceListener(SourceGaps.gauges(storage, metrics));
        this.reads = new CdrReads(storage.cdrs(), storage.partners());
        this.meetings = new Meetings(storage.meetings(), reads);
        this.partners = new PartnerAdmin(storage.partners(), clock);
        this.tokens = new TokenAdmin(storage.tokens(), storage.partners(), new TokenIssuer(storage.tokens(), clock), clock);
        this.streams = new LiveStreams(reads, storage.cdrs(), streamSettings);
        ingestor.addListener(streams.wakeUp());
        this.erasures = new Erasures(storage.erasures(), storage.partners(), clock);
        this.retention = new RetentionPurge(storage.partners(), storage.retention(), clock, metrics,
                RetentionPurge.DEFAULT_BATCH);
        this.compaction = new AggregateCompaction(storage.usage(), metrics, AggregateCompaction.DEFAULT_UNITS);
        Gauge.builder("confcdr.stream.connections", streams, LiveStreams::openStreams)
                .description("Live streams open in this process")
                .register(metrics);
        this.reports = new Reports(storage.cdrs(), storage.partners(), storage.usage(), storage.summaries());
        this.summaryRefresh = new SummaryRefresh(storage.summaries(), SummaryRefresh.DEFAULT_MARKS);
        this.summaryMarksCleared = Counter.builder("confcdr.summary.refreshed.marks")
                .description("stale slot marks whose summaries were recomputed")
                .register(metrics);
        var wakeDelivery = new AtomicReference<Runnable>(() -> { });
        this.subscriptions = new Subscriptions(storage.push(), storage.partners(), clock, push.allowPrivateUrls(),
                () -> wakeDelivery.get().run());
        this.delivery = new DeliveryWorker(storage.push(), subscriptions, push, clock, metrics);
        wakeDelivery.set(delivery::changed);
        ingestor.addListener((report, stored) -> {
            if (!stored.isEmpty()) {
                delivery.wake();
            }
        });
    }

    /**
     * Opens and migrates the configured store: the embedded SQLite store in {@code dataDir}, or PostgreSQL
     * for a {@code jdbc:postgresql:} URL.
     *
     * @throws IllegalArgumentException for a URL of a database confcdr does not support
     * @throws io.confcdr.store.StoreUnavailableException when the database cannot be reached
     */
    public static Services open(Path dataDir, String jdbcUrl, Clock clock) {
        return open(dataDir, jdbcUrl, clock, PushSettings.DEFAULT);
    }

    public static Services open(Path dataDir, String jdbcUrl, Clock clock, PushSettings push) {
        return over(SqlStorageFactory.open(dataDir, jdbcUrl, clock), clock, push);
    }

    /** What {@code serve} runs on: the configured store, pool size and batch limit. */
    public static Services open(ServeConfig config, Clock clock) {
        Storage storage = SqlStorageFactory.open(config.dataDir(), config.dbUrl(), clock, config.poolSize());
        return new Services(storage, clock, StreamSettings.DEFAULT, PushSettings.DEFAULT, config.maxRecordsPerBatch());
    }

    /** The services over a store opened elsewhere (tests, benchmarks); closing them closes the store. */
    public static Services over(Storage storage, Clock clock) {
        return new Services(storage, clock, StreamSettings.DEFAULT, PushSettings.DEFAULT);
    }

    /** As {@link #over(Storage, Clock)}, with live streams paced otherwise (tests use short intervals). */
    public static Services over(Storage storage, Clock clock, StreamSettings streamSettings) {
        return new Services(storage, clock, streamSettings, PushSettings.DEFAULT);
    }

    /** As {@link #over(Storage, Clock)}, with push delivery timed otherwise (tests use short intervals). */
    public static Services over(Storage storage, Clock clock, PushSettings push) {
        return new Services(storage, clock, StreamSettings.DEFAULT, push);
    }

    public Storage storage() {
        return storage;
    }

    public Clock clock() {
        return clock;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public Ingestor ingestor() {
        return ingestor;
    }

    public CdrReads reads() {
        return reads;
    }

    public Meetings meetings() {
        return meetings;
    }

    public PartnerAdmin partners() {
        return partners;
    }

    public TokenAdmin tokens() {
        return tokens;
    }

    public LiveStreams streams() {
        return streams;
    }

    public Reports reports() {
        return reports;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Starts delivering push subscriptions from this process (serve, tests); stopped by {@link #close}. */
    public void startDelivery() {
        delivery.start();
    }

    /** As {@link #startDelivery()}, holding each subscription's lease for {@code leaseTtl} between renewals. */
    public void startDelivery(java.time.Duration leaseTtl) {
        delivery.leaseFor(leaseTtl);
        delivery.start();
    }

    /** One retention pass, now (tests; {@code serve} runs them on a schedule). */
    public RetentionPurge retention() {
        return retention;
    }

    /** Purges expired records from this process every {@code interval} (serve); stopped by {@link #close}. */
    public synchronized void startRetention(Duration interval) {
        if (retentionSchedule == null) {
            retentionSchedule = new Periodic("retention", retention::runOnce, interval);
            retentionSchedule.start();
        }
    }

    /** Merges the usage aggregates' new rows every {@code interval} (serve); stopped by {@link #close}. */
    public synchronized void startCompaction(Duration interval) {
        if (compactionSchedule == null) {
            compactionSchedule = new Periodic("usage-compaction", compaction::runOnce, interval);
            compactionSchedule.start();
        }
    }

    /**
     * Recomputes the slot summaries marked stale every {@code interval} (serve); stopped by {@link #close}.
     * Reports compute stale slots from their legs meanwhile, so the interval bounds their work, not their
     * exactness.
     */
    public synchronized void startSummaryRefresh(Duration interval) {
        if (summarySchedule == null) {
            summarySchedule = new Periodic("summary-refresh",
                    () -> summaryMarksCleared.increment(summaryRefresh.refreshAll(SummaryRefresh.MAX_ROUNDS)), interval);
            summarySchedule.start();
        }
    }

    public SourceSequences sources() {
        return sources;
    }

    public Erasures erasures() {
        return erasures;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (retentionSchedule != null) {
                retentionSchedule.close();
            }
            if (compactionSchedule != null) {
                compactionSchedule.close();
            }
            if (summarySchedule != null) {
                summarySchedule.close();
            }
        }
        delivery.close();
        meters.close();
        storage.close();
    }
}
