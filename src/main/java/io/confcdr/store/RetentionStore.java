package io.confcdr.store;

import java.time.Instant;
import java.util.Set;

/**
 * Removal of records past their retention. Every record deletion of the purge goes through
 * {@link #purgeExpired}, so whatever must follow a deleted record (aggregates kept beside the records)
 * has one place to hook in.
 */
public interface RetentionStore {

    /**
     * Deletes, in one transaction serialised with CDR inserts, at most {@code maxRows} records of these
     * partners whose date_stop is before {@code cutoff} (a record stopping exactly at the cutoff stays).
     * Deleted call_sids are not remembered: unlike an erased record, a record
     * sent again after its purge is stored again (and purged again if it is still expired).
     *
     * @return how many records were deleted; fewer than {@code maxRows} means none of them is left
     * @throws StoreUnavailableException when the database cannot be reached
     */
    int purgeExpired(Set<String> partnerSids, Instant cutoff, int maxRows);
}
