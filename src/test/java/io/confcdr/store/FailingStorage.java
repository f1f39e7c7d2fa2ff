package io.confcdr.store;

import io.confcdr.model.Cdr;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Visibility;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A store whose CDR operations and health check fail on demand; partners and tokens keep working. */
public final class FailingStorage implements Storage {

    private final Storage delegate;
    private volatile Supplier<RuntimeException> failure;

    public FailingStorage(Storage delegate) {
        this.delegate = delegate;
    }

    public void failWith(Supplier<RuntimeException> failure) {
        this.failure = failure;
    }

    private void maybeFail() {
        if (failure != null) {
            throw failure.get();
        }
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
