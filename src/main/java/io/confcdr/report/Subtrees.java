package io.confcdr.report;

import io.confcdr.model.Partner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every partner's subtree within a listed subtree, from one listing of it rather than a query per partner. */
final class Subtrees {

    private Subtrees() {
    }

    static Map<String, Set<String>> of(List<Partner> listed) {
        Map<String, List<String>> children = new HashMap<>();
        Set<String> sids = new HashSet<>();
        listed.forEach(partner -> sids.add(partner.sid()));
        for (Partner partner : listed) {
            if (partner.parentSid() != null && sids.contains(partner.parentSid())) {
                children.computeIfAbsent(partner.parentSid(), p -> new ArrayList<>()).add(partner.sid());
            }
        }
        Map<String, Set<String>> subtrees = new HashMap<>();
        for (String sid : sids) {
            Set<String> subtree = new HashSet<>();
            List<String> pending = new ArrayList<>(List.of(sid));
            while (!pending.isEmpty()) {
                String at = pending.removeLast();
                if (subtree.add(at)) {
                    pending.addAll(children.getOrDefault(at, List.of()));
                }
            }
            subtrees.put(sid, Set.copyOf(subtree));
        }
        return subtrees;
    }
}
