package io.confcdr.store.memory;

import io.confcdr.model.Cdr;
import io.confcdr.model.Timestamps;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.CdrScan;
import io.confcdr.query.Visibility;
import io.confcdr.store.CdrStore;
import io.confcdr.store.InsertResult;
import io.confcdr.store.Page;
import io.confcdr.store.RecordKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * CDRs in insertion order (the list index is the insertion sequence), queried through the
 * {@link ReferenceEvaluator}. Synchronised as a whole: it is the reference, not a production store.
 */
final class MemoryCdrStore implements CdrStore {

    private final Clock clock;
    private final List<Cdr> rows = new ArrayList<>();
    private final Map<RecordKey, Cdr> bySid = new HashMap<>();
    private Predicate<String> partnerDeleted = sid -> false;
    /** Keys of erased records: storing one again is a conflict. */
    private final Set<RecordKey> erased = new HashSet<>();

    MemoryCdrStore(Clock clock) {
        this.clock = clock;
    }

    /** Set once by {@link MemoryStorage}: which partners were deleted, whose records are refused. */
    void refusePartnersWhere(Predicate<String> deleted) {
        this.partnerDeleted = deleted;
    }

    /** Every stored record, in insertion order, as of now. */
    synchronized List<Cdr> snapshot() {
        return List.copyOf(rows);
    }

    synchronized boolean hasRecordsOf(String partnerSid) {
        return rows.stream().anyMatch(cdr -> cdr.partnerSid().equals(partnerSid));
    }

    @Override
    public synchronized List<InsertResult> insert(List<Cdr> records) {
        var now = Timestamps.truncate(clock.instant());
        List<InsertResult> results = new ArrayList<>(records.size());
        for (Cdr record : records) {
            Cdr existing = bySid.get(RecordKey.of(record));
            if (existing != null) {
                results.add(InsertResult.againstStored(existing, record));
            } else if (erased.contains(RecordKey.of(record))) {
                results.add(new InsertResult.Conflict(record.callSid()));
            } else if (partnerDeleted.test(record.partnerSid())) {
                results.add(new InsertResult.PartnerMissing(record.callSid()));
            } else {
                Cdr stored = record.withDateInsert(now);
                rows.add(stored);
                bySid.put(RecordKey.of(stored), stored);
                results.add(new InsertResult.Stored(stored));
            }
        }
        return results;
    }

    /**
     * Replaces every record {@code matches} selects by {@code change} of it (removes it when {@code change}
     * is null, keeping the others' insertion order), remembers their call_sids, and says how many.
     */
    synchronized long erase(Predicate<Cdr> matches, UnaryOperator<Cdr> change) {
        long count = 0;
        for (var rows = this.rows.listIterator(); rows.hasNext(); ) {
            Cdr row = rows.next();
            if (!matches.test(row)) {
                continue;
            }
            count++;
            erased.add(RecordKey.of(row));
            if (change == null) {
                rows.remove();
                bySid.remove(RecordKey.of(row));
            } else {
                Cdr changed = change.apply(row);
                rows.set(changed);
                bySid.put(RecordKey.of(changed), changed);
            }
        }
        return count;
    }

    /** Removes at most {@code max} records {@code expired} selects, and says how many. */
    synchronized int purge(Predicate<Cdr> expired, int max) {
        Set<Cdr> chosen = new HashSet<>(rows.stream().filter(expired).limit(max).toList());
        rows.removeIf(chosen::contains);
        chosen.forEach(cdr -> bySid.remove(RecordKey.of(cdr)));
        return chosen.size();
    }

    @Override
    public synchronized Optional<Cdr> find(String callSid, Visibility visibility) {
        // The first stored of the visible records with this call_sid (one per partner at most).
        return rows.stream()
                .filter(cdr -> cdr.callSid().equals(callSid) && visibility.allows(cdr.partnerSid()))
                .findFirst();
    }

    /** Runs {@code work} over the rows in insertion order (index + 1 is the seq), under the store's lock. */
    synchronized <T> T read(java.util.function.Function<List<Cdr>, T> work) {
        return work.apply(rows);
    }

    @Override
    public synchronized Page list(CdrQuery query, Visibility visibility) {
        return ReferenceEvaluator.page(rows, query, visibility);
    }

    /** Copies the matching records under the lock and hands them over outside it, so a slow sink blocks no insert. */
    @Override
    public void scan(CdrScan scan, Visibility visibility, Consumer<Cdr> sink) {
        List<Cdr> matching;
        synchronized (this) {
            matching = ReferenceEvaluator.scan(rows, scan, visibility);
        }
        matching.forEach(sink);
    }

    @Override
    public synchronized Optional<String> lastInserted(Visibility visibility) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (visibility.allows(rows.get(i).partnerSid())) {
                return Optional.of(rows.get(i).callSid());
            }
        }
        return Optional.empty();
    }
}
