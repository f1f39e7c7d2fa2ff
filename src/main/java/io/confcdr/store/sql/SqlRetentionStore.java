package io.confcdr.store.sql;

import io.confcdr.model.CdrField;
import io.confcdr.store.RetentionStore;
import java.time.Instant;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Delete;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The purge's one deletion, the same SQL on both dialects: a bounded sub-select of expired seqs (found
 * through the index on partner_sid, date_stop) deleted by key, so that one transaction never holds more
 * than a batch of rows however many have expired.
 */
final class SqlRetentionStore implements RetentionStore {

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final Field<Instant> dateStop;

    @SuppressWarnings("unchecked")
    SqlRetentionStore(SqlDatabase db, CdrTable cdr) {
        this.db = db;
        this.cdr = cdr;
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
            return deletion(tx, partnerSids, cutoff, maxRows).execute();
        });
    }

    /** The one statement: at most {@code maxRows} expired records of these partners, deleted by key. */
    Delete<Record> deletion(DSLContext dsl, Set<String> partnerSids, Instant cutoff, int maxRows) {
        return dsl.deleteFrom(cdr.table())
                .where(cdr.seq().in(DSL.select(cdr.seq())
                        .from(cdr.table())
                        .where(cdr.partnerSid().in(partnerSids))
                        .and(dateStop.lt(cutoff))
                        .limit(maxRows)));
    }
}
