package io.confcdr.store.memory;

import io.confcdr.model.Cdr;
import io.confcdr.query.Filter;
import io.confcdr.query.Visibility;
import io.confcdr.store.Backlog;
import io.confcdr.store.DeliveryAttempt;
import io.confcdr.store.PushStore;
import io.confcdr.store.StoredRecord;
import io.confcdr.store.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Subscriptions in the heap; records read from {@link MemoryCdrStore} through {@link ReferenceEvaluator}. */
final class MemoryPushStore implements PushStore {

    private record Lease(String owner, Instant until) {
    }

    private final MemoryCdrStore cdrs;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private final Map<String, List<DeliveryAttempt>> log = new HashMap<>();

    MemoryPushStore(MemoryCdrStore cdrs) {
        this.cdrs = cdrs;
    }

    @Override
    public synchronized void create(Subscription subscription) {
        subscriptions.put(subscription.sid(), subscription);
    }

    @Override
    public synchronized Optional<Subscription> find(String sid) {
        return Optional.ofNullable(subscriptions.get(sid));
    }

    @Override
    public synchronized List<Subscription> list() {
        return List.copyOf(subscriptions.values());
    }

    @Override
    public synchronized boolean update(Subscription subscription) {
        Subscription stored = subscriptions.get(subscription.sid());
        if (stored == null) {
            return false;
        }
        // The worker's state (position) is not the owner's to set; the delivery in flight may only be dropped.
        Subscription.Pending pending = subscription.pending() == null ? null : stored.pending();
        subscriptions.put(subscription.sid(), new Subscription(stored.sid(), stored.partnerSid(), stored.descendants(),
                subscription.url(), subscription.filter(), subscription.includeFields(), subscription.excludeFields(),
                subscription.maxBatch(), subscription.status(), subscription.secret(), subscription.previousSecret(),
                subscription.previousSecretUntil(), stored.dateCreated(), stored.position(), pending));
        return true;
    }

    @Override
    public synchronized boolean delete(String sid) {
        log.remove(sid);
        leases.remove(sid);
        return subscriptions.remove(sid) != null;
    }

    @Override
    public List<StoredRecord> recordsAfter(long seq, Filter filter, Visibility visibility, int limit) {
        return cdrs.read(rows -> {
            List<StoredRecord> found = new ArrayList<>();
            for (int i = (int) Math.min(seq, rows.size()); i < rows.size() && found.size() < limit; i++) {
                Cdr cdr = rows.get(i);
                if (visibility.allows(cdr.partnerSid()) && ReferenceEvaluator.matches(filter, cdr)) {
                    found.add(new StoredRecord(i + 1L, cdr));
                }
            }
            return found;
        });
    }

    @Override
    public Backlog backlog(long seq, Filter filter, Visibility visibility, int countUpTo) {
        return cdrs.read(rows -> {
            long count = 0;
            Instant oldest = null;
            for (int i = (int) Math.min(seq, rows.size()); i < rows.size() && count < countUpTo; i++) {
                Cdr cdr = rows.get(i);
                if (visibility.allows(cdr.partnerSid()) && ReferenceEvaluator.matches(filter, cdr)) {
                    count++;
                    oldest = oldest == null || cdr.dateInsert().isBefore(oldest) ? cdr.dateInsert() : oldest;
                }
            }
            return new Backlog(count, oldest);
        });
    }

    @Override
    public long lastSeq() {
        return cdrs.read(rows -> (long) rows.size());
    }

    @Override
    public OptionalLong seqOf(String callSid, Visibility visibility) {
        return cdrs.read(rows -> {
            // The last stored of the visible records with this call_sid, as the SQL stores answer.
            for (int i = rows.size() - 1; i >= 0; i--) {
                Cdr cdr = rows.get(i);
                if (cdr.callSid().equals(callSid) && visibility.allows(cdr.partnerSid())) {
                    return OptionalLong.of(i + 1L);
                }
            }
            return OptionalLong.empty();
        });
    }

    @Override
    public OptionalLong firstSeqInsertedFrom(Instant from) {
        return cdrs.read(rows -> {
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).dateInsert().isBefore(from)) {
                    return OptionalLong.of(i + 1L);
                }
            }
            return OptionalLong.empty();
        });
    }

    @Override
    public synchronized boolean lease(String sid, String owner, Instant now, Instant until) {
        if (!subscriptions.containsKey(sid)) {
            return false;
        }
        Lease lease = leases.get(sid);
        if (lease == null || lease.owner().equals(owner) || lease.until().isBefore(now)) {
            leases.put(sid, new Lease(owner, until));
            return true;
        }
        return false;
    }

    @Override
    public synchronized void releaseLeases(String owner) {
        leases.values().removeIf(lease -> lease.owner().equals(owner));
    }

    @Override
    public synchronized boolean setPending(String sid, String owner, Subscription.Pending pending) {
        Subscription stored = subscriptions.get(sid);
        Lease lease = leases.get(sid);
        if (stored == null || lease == null || !lease.owner().equals(owner)) {
            return false;
        }
        subscriptions.put(sid, stored.withPending(pending));
        return true;
    }

    @Override
    public synchronized boolean acknowledge(String sid, String deliverySid, long lastSeq) {
        Subscription stored = subscriptions.get(sid);
        if (stored == null || stored.pending() == null || !stored.pending().deliverySid().equals(deliverySid)) {
            return false;
        }
        subscriptions.put(sid, withPosition(stored, lastSeq, stored.status()));
        return true;
    }

    @Override
    public synchronized boolean markFailing(String sid, String deliverySid) {
        Subscription stored = subscriptions.get(sid);
        if (stored == null || stored.pending() == null || !stored.pending().deliverySid().equals(deliverySid)) {
            return false;
        }
        subscriptions.put(sid, new Subscription(stored.sid(), stored.partnerSid(), stored.descendants(), stored.url(),
                stored.filter(), stored.includeFields(), stored.excludeFields(), stored.maxBatch(), Subscription.FAILING,
                stored.secret(), stored.previousSecret(), stored.previousSecretUntil(), stored.dateCreated(),
                stored.position(), stored.pending()));
        return true;
    }

    @Override
    public synchronized boolean reposition(String sid, long seq) {
        Subscription stored = subscriptions.get(sid);
        if (stored == null) {
            return false;
        }
        subscriptions.put(sid, withPosition(stored, seq, stored.status()));
        return true;
    }

    private static Subscription withPosition(Subscription s, long position, String status) {
        return new Subscription(s.sid(), s.partnerSid(), s.descendants(), s.url(), s.filter(), s.includeFields(),
                s.excludeFields(), s.maxBatch(), status, s.secret(), s.previousSecret(), s.previousSecretUntil(),
                s.dateCreated(), position, null);
    }

    @Override
    public synchronized void log(DeliveryAttempt attempt) {
        if (subscriptions.containsKey(attempt.subscriptionSid())) {
            log.computeIfAbsent(attempt.subscriptionSid(), sid -> new ArrayList<>()).add(attempt);
        }
    }

    @Override
    public synchronized boolean logAcknowledged(DeliveryAttempt attempt, long lastSeq) {
        log(attempt);
        return acknowledge(attempt.subscriptionSid(), attempt.deliverySid(), lastSeq);
    }

    @Override
    public synchronized boolean logAcknowledgedThenPending(DeliveryAttempt attempt, long lastSeq, String owner,
            Subscription.Pending next) {
        if (!logAcknowledged(attempt, lastSeq)) {
            return false;
        }
        return setPending(attempt.subscriptionSid(), owner, next);
    }

    @Override
    public synchronized List<DeliveryAttempt> attempts(String sid) {
        List<DeliveryAttempt> newestFirst = new ArrayList<>(log.getOrDefault(sid, List.of()));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
