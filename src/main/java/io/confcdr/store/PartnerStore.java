package io.confcdr.store;

import io.confcdr.model.Partner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Partners and their tree. Every write is one transaction; its outcome is a value, never a guess from a message. */
public interface PartnerStore {

    /** What {@link #create} did. */
    sealed interface Creation {
        record Created(Partner partner) implements Creation {
        }

        /** A partner with this sid exists already: nothing changed. */
        record SidTaken() implements Creation {
        }

        /** The parent named does not exist: nothing changed. */
        record ParentMissing() implements Creation {
        }
    }

    Creation create(Partner partner);

    Optional<Partner> find(String sid);

    /** The partner's sid and those of all its descendants, at any depth; empty if it does not exist. */
    Set<String> subtree(String sid);

    /** Every partner's sid. */
    Set<String> allSids();

    /** Every partner, ordered by sid. */
    default List<Partner> all() {
        return allSids().stream().sorted().map(this::find).flatMap(Optional::stream).toList();
    }

    List<Partner> children(String sid);

    /** The partner and all its descendants, ordered by sid; empty if it does not exist. */
    List<Partner> listSubtree(String sid);

    /** What {@link #update} did. */
    sealed interface Update {
        record Updated(Partner partner) implements Update {
        }

        record NotFound() implements Update {
        }

        /** The new parent does not exist: nothing changed. */
        record ParentMissing() implements Update {
        }

        /** The new parent lies in the partner's own subtree, which would make a cycle: nothing changed. */
        record WouldCycle() implements Update {
        }
    }

    /** Replaces name, parent, status and callbacks of an existing partner (sid and date_created stay). */
    Update update(Partner partner);

    /** What {@link #delete} did. */
    enum Deletion { DELETED, NOT_FOUND, HAS_CHILDREN, HAS_RECORDS }

    /**
     * Removes a partner that has neither children nor records, and revokes its tokens as of {@code when},
     * in one transaction: no record can be stored for it afterwards (the store remembers deleted partners and
     * refuses their records under the same serialisation as inserts), and no token of it outlives it.
     */
    Deletion delete(String sid, Instant when);
}
