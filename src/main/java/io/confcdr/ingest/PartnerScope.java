package io.confcdr.ingest;

import io.confcdr.store.PartnerStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The partners a batch may write records for. A bridge's token writes for its own partner and the
 * partner's descendants; the operator's import writes for any partner that exists.
 */
@FunctionalInterface
interface PartnerScope {

    boolean mayWrite(String partnerSid);

    /** Any existing partner; each sid is looked up once per scope. */
    static PartnerScope anyKnown(PartnerStore partners) {
        Map<String, Boolean> known = new HashMap<>();
        return sid -> known.computeIfAbsent(sid, s -> partners.find(s).isPresent());
    }

    /** The partner {@code rootSid} and its descendants at any depth. */
    static PartnerScope subtreeOf(PartnerStore partners, String rootSid) {
        Set<String> writable = partners.subtree(rootSid);
        return writable::contains;
    }
}
