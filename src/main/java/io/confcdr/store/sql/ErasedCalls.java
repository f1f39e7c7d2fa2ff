package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.store.RecordKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code erased_call} table: call_sids of erased records, with their partner. An erasure writes them under the CDR writers'
 * serialisation; inserting a batch looks its call_sids up in it under the same serialisation, so a record
 * deleted by an erasure is refused as a conflict when it is sent again, however late.
 */
final class ErasedCalls {

    static final Table<Record> TABLE = DSL.table(DSL.name("erased_call"));
    static final Field<String> CALL_SID = DSL.field(DSL.name("erased_call", "call_sid"), SQLDataType.VARCHAR);
    static final Field<String> PARTNER_SID = DSL.field(DSL.name("erased_call", "partner_sid"), SQLDataType.VARCHAR);
    /** The partner_sid of call_sids erased before they were remembered per partner: every partner's. */
    static final String ANY_PARTNER = "";

    /** call_sids per lookup (an IN list of binds on SQLite), as for the records already stored. */
    private static final int SIDS_PER_LOOKUP = 500;

    private ErasedCalls() {
    }

    /**
     * Which of {@code records} were erased: their call_sid erased under their own partner (or under
     * {@link #ANY_PARTNER}). Usually none, and most stores never erase: one probe of the table's emptiness
     * spares the batch a lookup of every call_sid.
     */
    static Set<RecordKey> among(DSLContext tx, Dialect dialect, List<Cdr> records) {
        Set<RecordKey> erased = new HashSet<>();
        if (!tx.fetchExists(DSL.selectOne().from(TABLE))) {
            return erased;
        }
        Map<String, Set<String>> partnersBySid = new HashMap<>();
        for (int from = 0; from < records.size(); from += SIDS_PER_LOOKUP) {
            List<String> sids = records.subList(from, Math.min(records.size(), from + SIDS_PER_LOOKUP)).stream()
                    .map(Cdr::callSid).toList();
            tx.select(CALL_SID, PARTNER_SID).from(TABLE).where(dialect.callSidAmong(CALL_SID, sids))
                    .forEach(row -> partnersBySid.computeIfAbsent(row.value1(), sid -> new HashSet<>()).add(row.value2()));
        }
        for (Cdr record : records) {
            Set<String> partners = partnersBySid.getOrDefault(record.callSid(), Set.of());
            if (partners.contains(record.partnerSid()) || partners.contains(ANY_PARTNER)) {
                erased.add(RecordKey.of(record));
            }
        }
        return erased;
    }
}
