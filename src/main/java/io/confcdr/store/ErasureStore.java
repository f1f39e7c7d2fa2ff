package io.confcdr.store;

import io.confcdr.model.Erasure;
import io.confcdr.model.ErasureMode;
import io.confcdr.query.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Erasures of a number from the stored records, and the memory of them. */
public interface ErasureStore {

    /**
     * What to erase: every visible record whose number_src or number_dst equals {@code number} or whose
     * address_src or address_dst contains it (a literal substring: no character is a wildcard), with
     * date_start in {@code [dateFrom, dateTo)} (either bound may be null: unbounded). {@code erasure} is
     * remembered as given, with its count of records replaced by the number of records changed.
     */
    record Command(Erasure erasure, String number, Instant dateFrom, Instant dateTo) {

        public ErasureMode mode() {
            return erasure.mode();
        }
    }

    /**
     * Deletes or redacts the matching records, remembers their call_sids (a later insert of one is a
     * {@link InsertResult.Conflict}) and the erasure, all in one transaction serialised with CDR inserts:
     * a batch committing meanwhile is either erased with the others or refused after.
     *
     * @return the remembered erasure, its {@code records} the number of records deleted or redacted
     * @throws StoreUnavailableException when the database cannot be reached
     */
    Erasure erase(Command command, Visibility visibility);

    /** The erasures made by tokens of these partners, newest first. */
    List<Erasure> listBy(Set<String> partnerSids);

    /** Every erasure, the operator's included, newest first. */
    List<Erasure> listAll();
}
