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
        Map<String, String> parents = new HashMap<>();
        listed.forEach(partner -> parents.put(partner.sid(), partner.parentSid()));
        return of(parents);
    }

    /** @param parents each partner's parent (null for a root) */
    static Map<String, Set<String>> of(Map<String, String> parents) {
        Map<String, List<String>> children = new HashMap<>();
        Set<String> sids = parents.keySet();
        parents.forEach((sid, parent) -> {
            if (parent != null && sids.contains(parent)) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(sid);
            }
        });
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
