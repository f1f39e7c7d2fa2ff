package io.confcdr.store;

import io.confcdr.model.Partner;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface PartnerStore {

    /** @throws IllegalArgumentException when the sid exists or the parent does not */
    Partner create(Partner partner);

    Optional<Partner> find(String sid);

    /** The partner's sid and those of all its descendants, at any depth; empty if it does not exist. */
    Set<String> subtree(String sid);

    List<Partner> children(String sid);
}
