package io.confcdr.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/** One database: its CDRs, partners, tokens and ingest sources. Opened once per process, closed at shutdown. */
public interface Storage extends AutoCloseable {

    CdrStore cdrs();

    PartnerStore partners();

    TokenStore tokens();

    /** Meetings: the visible legs sharing a meeting_sid. */
    MeetingStore meetings();

    /** Push subscriptions, their delivery state and log. */
    PushStore push();

    /** Which sequence numbers each ingest source has sent. */
    SourceStore sources();

    /** Erasures of numbers from the records, and the memory of them. */
    ErasureStore erasures();

    /** Deletion of records past their partner's retention. */
    RetentionStore retention();

    /** The usage aggregates reports answer from when they can; none by default (every report scans). */
    default UsageStore usage() {
        return UsageStore.NONE;
    }

    /** The slot summaries reports on whole subtrees answer from when they can; none by default. */
    default SummaryStore summaries() {
        return SummaryStore.NONE;
    }

    /** True when the database answers; used by health checks. */
    boolean isAvailable();

    /**
     * Why nothing can be written now (a read-only file or directory, a database in read-only mode), or empty
     * when a write would succeed. SQL stores find out with a tiny write in a transaction they roll back, and
     * remember the answer for a few seconds so health checks stay cheap. A store that cannot fail to write
     * (memory) keeps this default.
     */
    default Optional<String> writeProblem() {
        return Optional.empty();
    }

    /** True when a write would succeed now; see {@link #writeProblem()}. */
    default boolean isWritable() {
        return writeProblem().isEmpty();
    }

    /**
     * Publishes the store's connection-pool gauges (active, idle, pending, max) and timings on
     * {@code registry}; a store without a pool (memory) publishes nothing. Called once per process.
     */
    default void bindMetrics(MeterRegistry registry) {
    }

    @Override
    void close();
}
