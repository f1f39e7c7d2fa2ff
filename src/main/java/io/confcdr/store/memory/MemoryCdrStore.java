package io.confcdr.store.memory;

import io.confcdr.model.Cdr;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Visibility;
import io.confcdr.store.CdrStore;
import io.confcdr.store.InsertResult;
import io.confcdr.store.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CDRs in insertion order. Synchronised as a whole: it is a reference, not a production store.
 * TODO(query): filters, orders and cursors through the reference evaluator.
 */
final class MemoryCdrStore implements CdrStore {

    private final Clock clock;
    private final List<Cdr> rows = new ArrayList<>();
    private final Map<String, Cdr> bySid = new HashMap<>();

    MemoryCdrStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized List<InsertResult> insert(List<Cdr> records) {
        var now = io.confcdr.model.Timestamps.truncate(clock.instant());
        List<InsertResult> results = new ArrayList<>(records.size());
        for (Cdr record : records) {
            Cdr existing = bySid.get(record.callSid());
            if (existing == null) {
                Cdr stored = record.withDateInsert(now);
                rows.add(stored);
                bySid.put(stored.callSid(), stored);
                results.add(new InsertResult.Stored(stored));
            } else if (existing.withDateInsert(null).equals(record.withDateInsert(null))) {
                results.add(new InsertResult.Duplicate(record.callSid()));
            } else {
                results.add(new InsertResult.Conflict(record.callSid()));
            }
        }
        return results;
    }

    @Override
    public synchronized Optional<Cdr> find(String callSid, Visibility visibility) {
        return Optional.ofNullable(bySid.get(callSid)).filter(cdr -> visibility.allows(cdr.partnerSid()));
    }

    @Override
    public synchronized Page list(CdrQuery query, Visibility visibility) {
        List<Cdr> visible = rows.stream().filter(cdr -> visibility.allows(cdr.partnerSid())).toList();
        int from = Math.min(query.offset(), visible.size());
        int to = Math.min(from + query.limit(), visible.size());
        Long total = query.withTotal() ? (long) visible.size() : null;
        return new Page(visible.subList(from, to), to < visible.size(), from > 0 && !visible.isEmpty(), total);
    }
}
