package io.confcdr.query;

import java.util.Set;

/**
 * The partners whose records a caller may see: its own partner, plus the whole subtree when its token
 * has {@code app.read_descendant}. Every read is confined to this set before any filter applies, so a
 * filter can narrow what is visible but never widen it.
 */
public record Visibility(Set<String> partnerSids) {

    public Visibility {
        partnerSids = Set.copyOf(partnerSids);
    }

    public static Visibility of(String... partnerSids) {
        return new Visibility(Set.of(partnerSids));
    }

    public boolean allows(String partnerSid) {
        return partnerSids.contains(partnerSid);
    }
}
