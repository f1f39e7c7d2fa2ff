package io.confcdr.store;

import io.confcdr.model.Cdr;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.MeetingQuery;
import io.confcdr.query.CdrScan;
import io.confcdr.query.Visibility;
import io.confcdr.model.SequenceRange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/** A store whose CDR operations and health check fail on demand; partners and tokens keep working. */
public final class FailingStorage implements Storage {

    private final Storage delegate;
    private volatile Supplier<RuntimeException> failure;
    private volatile LongConsumer scanHook = index -> {
    };

    public FailingStorage(Storage delegate) {
        this.delegate = delegate;
    }

    public void failWith(Supplier<RuntimeException> failure) {
        this.failure = failure;
    }

    /** Scans hand over {@code records} records, then throw {@code failure}: a database lost midway. */
    public void failScansAfter(long records, Supplier<RuntimeException> failure) {
        onScannedRecord(index -> {
            if (index == records) {
                throw failure.get();
            }
        });
    }

    /** {@code hook} hears each scanned record's position (from 0) before it is handed over; it may block or throw. */
    public void onScannedRecord(LongConsumer hook) {
        this.scanHook = hook;
    }

    private void maybeFail() {
        if (failure != null) {
            throw failure.get();
        }
    }

    /** Erasures are not made to fail: they pass straight to the store underneath. */
    @Override
    public ErasureStore erasures() {
        return delegate.erasures();
    }

    @Override
    public RetentionStore retention() {
        return delegate.retention();
    }

    @Override
    public SourceStore sources() {
        return new SourceStore() {
            @Override
            public Receipt insertReceived(Source source, SequenceRange received, List<Cdr> records) {
                maybeFail();
                return delegate.sources().insertReceived(source, received, records);
            }

            @Override
            public List<SourceState> list(Set<String> owners) {
                maybeFail();
                return delegate.sources().list(owners);
            }

            @Override
            public Map<Source, Integer> gapCounts() {
                maybeFail();
                return delegate.sources().gapCounts();
            }
        };
    }

    @Override
    public CdrStore cdrs() {
        return new CdrStore() {
            @Override
            public List<InsertResult> insert(List<Cdr> records) {
                maybeFail();
                return delegate.cdrs().insert(records);
            }

            @Override
            public Optional<Cdr> find(String callSid, Visibility visibility) {
                maybeFail();
                return delegate.cdrs().find(callSid, visibility);
            }

            @Override
            public Page list(CdrQuery query, Visibility visibility) {
                maybeFail();
                return delegate.cdrs().list(query, visibility);
            }

            @Override
            public void scan(CdrScan scan, Visibility visibility, Consumer<Cdr> sink) {
                maybeFail();
                LongConsumer hook = scanHook;
                var handed = new AtomicLong();
                delegate.cdrs().scan(scan, visibility, cdr -> {
                    hook.accept(handed.getAndIncrement());
                    sink.accept(cdr);
                });
            }

            @Override
            public Optional<String> lastInserted(Visibility visibility) {
                maybeFail();
                return delegate.cdrs().lastInserted(visibility);
            }
        };
    }

    @Override
    public MeetingStore meetings() {
        return new MeetingStore() {
            @Override
            public List<Cdr> legs(String meetingSid, Visibility visibility) {
                maybeFail();
                return delegate.meetings().legs(meetingSid, visibility);
            }

            @Override
            public MeetingPage page(MeetingQuery query, Visibility visibility) {
                maybeFail();
                return delegate.meetings().page(query, visibility);
            }
        };
    }

    @Override
    public PushStore push() {
        return delegate.push();
    }

    @Override
    public PartnerStore partners() {
        return delegate.partners();
    }

    @Override
    public TokenStore tokens() {
        return delegate.tokens();
    }

    @Override
    public boolean isAvailable() {
        maybeFail();
        return delegate.isAvailable();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
