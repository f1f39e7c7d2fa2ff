package io.confcdr.store.sql;

import io.confcdr.store.CdrStore;
import io.confcdr.store.ErasureStore;
import io.confcdr.store.MeetingStore;
import io.confcdr.store.PartnerStore;
import io.confcdr.store.PushStore;
import io.confcdr.store.RetentionStore;
import io.confcdr.store.SourceStore;
import io.confcdr.store.Storage;
import io.confcdr.store.TokenStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.confcdr.store.SummaryStore;
import io.confcdr.store.UsageStore;
import java.time.Clock;
import java.util.Optional;

/** A migrated SQL database (SQLite or PostgreSQL) seen as confcdr's {@link Storage}. */
public final class SqlStorage implements Storage {

    private final SqlDatabase db;
    private final SqlCdrStore cdrs;
    private final SqlPartnerStore partners;
    private final SqlTokenStore tokens;
    private final SqlMeetingStore meetings;
    private final SqlSourceStore sources;
    private final SqlErasureStore erasures;
    private final SqlRetentionStore retention;
    private final WriteProbe writeProbe;
    private final SqlPushStore push;
    private final SqlUsageStore usage;
    private final SqlSummaryStore summaries;

    public SqlStorage(SqlDatabase db, Clock clock) {
        this.db = db;
        this.cdrs = new SqlCdrStore(db, clock);
        this.meetings = new SqlMeetingStore(db);
        this.sources = new SqlSourceStore(db, cdrs.inserter(), clock);
        this.erasures = new SqlErasureStore(db, cdrs.table(), cdrs.translator(), cdrs.deletion());
        this.retention = new SqlRetentionStore(db, cdrs.table(), cdrs.deletion());
        this.tokens = new SqlTokenStore(db, clock);
        this.partners = new SqlPartnerStore(db, clock, tokens::forgetCachedTokens);
        this.writeProbe = new WriteProbe(db, System::nanoTime);
        this.push = new SqlPushStore(db, cdrs);
        this.usage = new SqlUsageStore(db, cdrs);
        this.summaries = new SqlSummaryStore(db, cdrs);
    }

    @Override
    public SqlCdrStore cdrs() {
        return cdrs;
    }

    @Override
    public PartnerStore partners() {
        return partners;
    }

    @Override
    public MeetingStore meetings() {
        return meetings;
    }

    @Override
    public SourceStore sources() {
        return sources;
    }

    public ErasureStore erasures() {
        return erasures;
    }

    @Override
    public RetentionStore retention() {
        return retention;
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public PushStore push() {
        return push;
    }

    @Override
    public UsageStore usage() {
        return usage;
    }

    @Override
    public SummaryStore summaries() {
        return summaries;
    }

    @Override
    public boolean isAvailable() {
        return db.isAvailable();
    }

    @Override
    public Optional<String> writeProblem() {
        return writeProbe.problem();
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
        db.bindMetrics(registry);
    }

    /** The underlying database, for tests that look at the generated SQL. */
    public SqlDatabase database() {
        return db;
    }

    @Override
    public void close() {
        tokens.close();
        db.close();
    }
}
