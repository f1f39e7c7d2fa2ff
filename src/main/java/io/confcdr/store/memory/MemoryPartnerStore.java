package io.confcdr.store.memory;

import io.confcdr.model.Partner;
import io.confcdr.store.PartnerStore;
import java.util.ArrayDeque;
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
}
