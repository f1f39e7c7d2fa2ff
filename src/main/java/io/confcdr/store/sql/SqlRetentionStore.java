package io.confcdr.store.sql;

import io.confcdr.model.CdrField;
import io.confcdr.store.RetentionStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;

/**
 * The purge's one deletion, the same SQL on both dialects: a bounded select of expired seqs (found through
 * the index on partner_sid, date_stop), then those records deleted by key through {@link CdrDeletion} (which
 * takes them off the usage aggregates too), so that one transaction never holds more than a batch of rows
 * however many have expired. The seqs are read first so that the aggregates and the table lose the same rows.
 */
final class SqlRetentionStore implements RetentionStore {

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final Field<Instant> dateStop;
    private final CdrDeletion deletion;

    @SuppressWarnings("unchecked")
    SqlRetentionStore(SqlDatabase db, CdrTable cdr, CdrDeletion deletion) {
        this.db = db;
        this.cdr = cdr;
        this.deletion = deletion;
        this.dateStop = (Field<Instant>) cdr.column(CdrField.DATE_STOP);
    }

    @Override
    public int purgeExpired(Set<String> partnerSids, Instant cutoff, int maxRows) {
        if (partnerSids.isEmpty() || maxRows <= 0) {
            return 0;
        }
        return db.write(tx -> {
            // Serialised with CDR inserts, as an erasure is, so that an insert deciding between duplicate,
            // conflict and new never sees a record vanish under it.
            db.dialect().serialiseCdrInsert(tx);
            List<Long> expired = expired(tx, partnerSids, cutoff, maxRows).fetch(cdr.seq());
            return expired.isEmpty() ? 0 : deletion.delete(tx, cdr.seq().in(expired));
        });
    }

    /** At most {@code maxRows} seqs of expired records of these partners. */
    Select<Record1<Long>> expired(DSLContext dsl, Set<String> partnerSids, Instant cutoff, int maxRows) {
        return dsl.select(cdr.seq())
                .from(cdr.table())
                .where(cdr.partnerSid().in(partnerSids))
                .and(dateStop.lt(cutoff))
                .limit(maxRows);
    }
}
