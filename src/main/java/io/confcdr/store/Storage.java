package io.confcdr.store;

/** One database: its CDRs, partners and tokens. Opened once per process, closed at shutdown. */
public interface Storage extends AutoCloseable {

    CdrStore cdrs();

    PartnerStore partners();

    TokenStore tokens();

    /** Meetings: the visible legs sharing a meeting_sid. */
    MeetingStore meetings();

    /** True when the database answers; used by health checks. */
    boolean isAvailable();

    @Override
    void close();
}
