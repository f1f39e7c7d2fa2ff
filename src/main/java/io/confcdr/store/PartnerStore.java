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

    /** The partner and all its descendants, ordered by sid; empty if it does not exist. */
    List<Partner> listSubtree(String sid);

    /**
     * Replaces name, parent, status and callbacks of an existing partner (sid and date_created stay).
     *
     * @return false when no such partner exists
     * @throws IllegalArgumentException when the new parent does not exist or lies in the partner's own
     *         subtree (which would make a cycle)
     */
    boolean update(Partner partner);

    /** What {@link #delete} did. */
    enum Deletion { DELETED, NOT_FOUND, HAS_CHILDREN }

    /** Removes a partner that has no children. Its CDRs and tokens are the caller's concern. */
    Deletion delete(String sid);
}
