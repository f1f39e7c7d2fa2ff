package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

/**
 * SQLite's bulk path: one prepared single-row {@code INSERT … ON CONFLICT (partner_sid, call_sid) DO NOTHING} run as a
 * JDBC batch, rather than multi-row INSERTs whose thousands of bind values per statement jOOQ renders and
 * SQLite parses anew each time. There is no optimistic whole-batch path: every batch is looked up first.
 */
final class SqliteBatchInsert implements CdrBulkInsert {

    private final CdrTable cdr;

    SqliteBatchInsert(CdrTable cdr) {
        this.cdr = cdr;
    }

    @Override
    public boolean insertedWhole(DSLContext tx, List<Cdr> batch) {
        return false;
    }

    /** ON CONFLICT DO NOTHING and the count check are the safety net should another writer slip past the gate. */
    @Override
    public void insertNew(DSLContext tx, List<Cdr> fresh) {
        BatchBindStep insert = tx.batch(tx.insertInto(cdr.table(), cdr.attributeColumns())
                .values(Collections.nCopies(cdr.attributeColumns().size(), null))
                .onConflict(cdr.partnerSid(), cdr.callSid()).doNothing());
        for (Cdr row : fresh) {
            insert = insert.bind(cdr.values(row).toArray());
        }
        if (IntStream.of(insert.execute()).sum() != fresh.size()) {
            throw new IllegalStateException("a concurrent writer stored some of these call_sids; batch rolled back");
        }
    }
}
