package io.confcdr.generate;

import io.confcdr.model.Partner;
import java.time.Instant;

/**
 * A partner of the generated traffic. The tree is the same for every seed, so traffic generated with
 * different seeds can be imported into one store once its partners exist.
 *
 * @param parentSid null for the root operator
 */
public record GeneratedPartner(String sid, String name, String parentSid) {

    /** The partner as a store keeps it, created at {@code createdAt}. */
    public Partner toPartner(Instant createdAt) {
        return new Partner(sid, name, parentSid, Partner.ACTIVE, createdAt);
    }
}
