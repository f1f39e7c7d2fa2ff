package io.confcdr.store.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code erased_call} table: call_sids of erased records. An erasure writes them under the CDR writers'
 * serialisation; inserting a batch looks its call_sids up in it under the same serialisation, so a record
 * deleted by an erasure is refused as a conflict when it is sent again, however late.
 */
final class ErasedCalls {

    static final Table<Record> TABLE = DSL.table(DSL.name("erased_call"));
    static final Field<String> CALL_SID = DSL.field(DSL.name("erased_call", "call_sid"), SQLDataType.VARCHAR);

    /** call_sids per lookup (an IN list of binds on SQLite), as for the records already stored. */
    private static final int SIDS_PER_LOOKUP = 500;

    private ErasedCalls() {
    }

    /**
     * Which of {@code callSids} were erased. Usually none, and most stores never erase: one probe of the
     * table's emptiness spares the batch a lookup of every call_sid.
     */
    static Set<String> among(DSLContext tx, Dialect dialect, List<String> callSids) {
        Set<String> erased = new HashSet<>();
        if (!tx.fetchExists(DSL.selectOne().from(TABLE))) {
            return erased;
        }
        for (int from = 0; from < callSids.size(); from += SIDS_PER_LOOKUP) {
            List<String> sids = callSids.subList(from, Math.min(callSids.size(), from + SIDS_PER_LOOKUP));
            erased.addAll(tx.select(CALL_SID).from(TABLE).where(dialect.callSidAmong(CALL_SID, sids)).fetch(CALL_SID));
        }
        return erased;
    }
}
