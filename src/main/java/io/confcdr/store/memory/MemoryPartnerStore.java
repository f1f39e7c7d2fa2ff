package io.confcdr.store.memory;

import io.confcdr.model.Partner;
import io.confcdr.store.PartnerStore;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

final class MemoryPartnerStore implements PartnerStore {

    private final Map<String, Partner> partners = new LinkedHashMap<>();

    @Override
    public synchronized Partner create(Partner partner) {
        if (partners.containsKey(partner.sid())) {
            throw new IllegalArgumentException("partner " + partner.sid() + " exists");
        }
        if (partner.parentSid() != null && !partners.containsKey(partner.parentSid())) {
            throw new IllegalArgumentException("parent partner " + partner.parentSid() + " does not exist");
        }
        partners.put(partner.sid(), partner);
        return partner;
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
    public synchronized boolean update(Partner changed) {
        Partner existing = partners.get(changed.sid());
        if (existing == null) {
            return false;
        }
        if (changed.parentSid() != null) {
            if (!partners.containsKey(changed.parentSid())) {
                throw new IllegalArgumentException("parent partner " + changed.parentSid() + " does not exist");
            }
            if (subtree(changed.sid()).contains(changed.parentSid())) {
                throw new IllegalArgumentException("a partner cannot move under itself or its own descendant");
            }
        }
        partners.put(changed.sid(), new Partner(existing.sid(), changed.name(), changed.parentSid(), changed.status(),
                existing.dateCreated(), changed.callbacks()));
        return true;
    }

    @Override
    public synchronized Deletion delete(String sid) {
        if (!partners.containsKey(sid)) {
            return Deletion.NOT_FOUND;
        }
        if (!children(sid).isEmpty()) {
            return Deletion.HAS_CHILDREN;
        }
        partners.remove(sid);
        return Deletion.DELETED;
    }
}
