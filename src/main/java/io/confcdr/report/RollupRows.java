package io.confcdr.report;

import io.confcdr.model.Partner;
import io.confcdr.query.Visibility;
import io.confcdr.store.PartnerStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Under {@code rollup=tree}, the partner rows a leg of a partner counts toward: the partner and each
 * ancestor the caller can see. Visibility is a whole subtree (or one partner), so the visible ancestors
 * are the chain up to the first invisible one. Looked up once per partner and request.
 */
final class RollupRows implements Function<String, List<String>> {

    private final PartnerStore partners;
    private final Visibility visibility;
    private final Map<String, List<String>> known = new HashMap<>();

    RollupRows(PartnerStore partners, Visibility visibility) {
        this.partners = partners;
        this.visibility = visibility;
    }

    @Override
    public List<String> apply(String partnerSid) {
        return known.computeIfAbsent(partnerSid, this::chain);
    }

    private List<String> chain(String partnerSid) {
        List<String> rows = new ArrayList<>();
        for (String sid = partnerSid; sid != null && visibility.allows(sid) && !rows.contains(sid);
                sid = partners.find(sid).map(Partner::parentSid).orElse(null)) {
            rows.add(sid);
        }
        return List.copyOf(rows);
    }
}
