package io.confcdr.store;

/** One database: its CDRs, partners and tokens. Opened once per process, closed at shutdown. */
public interface Storage extends AutoCloseable {

    CdrStore cdrs();

    PartnerStore partners();

    TokenStore tokens();

    /** Push subscriptions, their delivery state and log. */
    PushStore push();

    /** True when the database answers; used by health checks. */
    boolean isAvailable();

    @Override
    void close();
}
