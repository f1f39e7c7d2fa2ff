package io.confcdr.store.memory;

import io.confcdr.model.Partner;
import io.confcdr.store.PartnerStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Partners in a map. {@link #delete} checks for records and revokes tokens under the CDR store's lock, which
 * {@link MemoryCdrStore#insert} holds while it checks its partners: the same order of locks everywhere.
 */
final class MemoryPartnerStore implements PartnerStore {

    private final Map<String, Partner> partners = new LinkedHashMap<>();
    /** Sids of deleted partners, until a partner of that sid is created again. */
    private final Set<String> deleted = new HashSet<>();
    private final MemoryCdrStore cdrs;
    private final MemoryTokenStore tokens;

    MemoryPartnerStore(MemoryCdrStore cdrs, MemoryTokenStore tokens) {
        this.cdrs = cdrs;
        this.tokens = tokens;
    }

    @Override
    public synchronized Creation create(Partner partner) {
        if (partners.containsKey(partner.sid())) {
            return new Creation.SidTaken();
        }
        if (partner.parentSid() != null && !partners.containsKey(partner.parentSid())) {
            return new Creation.ParentMissing();
        }
        partners.put(partner.sid(), partner);
        deleted.remove(partner.sid());
        return new Creation.Created(partner);
    }

    @Override
    public synchronized Set<String> allSids() {
        return Set.copyOf(partners.keySet());
    }

    @Override
    public synchronized Optional<Partner> find(String sid) {
        return Optional.ofNullable(partners.get(sid));
    }

    @Override
    public synchronized Set<String> subtree(String sid) {
        Set<String> found = new LinkedHashSet<>();
        if (!partners.containsKey(sid)) {
            return found;
        }
        var pending = new ArrayDeque<String>(List.of(sid));
        while (!pending.isEmpty()) {
            String current = pending.pop();
            if (found.add(current)) {
                children(current).forEach(child -> pending.push(child.sid()));
            }
        }
        return found;
    }

    @Override
    public synchronized List<Partner> children(String sid) {
        return partners.values().stream().filter(p -> sid.equals(p.parentSid())).toList();
    }

    @Override
    public synchronized List<Partner> listSubtree(String sid) {
        return subtree(sid).stream().map(partners::get).sorted(Comparator.comparing(Partner::sid)).toList();
    }

    @Override
    public synchronized Update update(Partner changed) {
        Partner existing = partners.get(changed.sid());
        if (existing == null) {
            return new Update.NotFound();
        }
        if (changed.parentSid() != null) {
            if (!partners.containsKey(changed.parentSid())) {
                return new Update.ParentMissing();
            }
            if (subtree(changed.sid()).contains(changed.parentSid())) {
                return new Update.WouldCycle();
            }
        }
        Partner updated = new Partner(existing.sid(), changed.name(), changed.parentSid(), changed.status(),
                existing.dateCreated(), changed.callbacks(), changed.cdrRetentionDays());
        partners.put(changed.sid(), updated);
        return new Update.Updated(updated);
    }

    @Override
    public Deletion delete(String sid, Instant when) {
        synchronized (cdrs) {
            synchronized (this) {
                if (!partners.containsKey(sid)) {
                    return Deletion.NOT_FOUND;
                }
                if (!children(sid).isEmpty()) {
                    return Deletion.HAS_CHILDREN;
                }
                if (cdrs.hasRecordsOf(sid)) {
                    return Deletion.HAS_RECORDS;
                }
                partners.remove(sid);
                deleted.add(sid);
                tokens.revokeAllOf(sid, when);
                return Deletion.DELETED;
            }
        }
    }

    synchronized boolean wasDeleted(String sid) {
        return deleted.contains(sid);
    }
}
