package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import java.util.List;
import org.jooq.DSLContext;

/**
 * How a batch of CDRs goes into {@code cdr} on one database ({@link Dialect#cdrBulkInsert}). Called inside
 * the insert transaction, after {@link Dialect#serialiseCdrInsert}.
 */
interface CdrBulkInsert {

    /**
     * Tries to insert the whole batch without looking its call_sids up first: true if every row went in;
     * false, with nothing inserted, if some call_sid is already stored or this database has no such path.
     */
    boolean insertedWhole(DSLContext tx, List<Cdr> batch);

    /**
     * Inserts records known to be new, in batch order so their sequence follows it. Should another writer
     * ever slip past the serialisation, the whole batch is rolled back rather than half-reported.
     */
    void insertNew(DSLContext tx, List<Cdr> fresh);
}
