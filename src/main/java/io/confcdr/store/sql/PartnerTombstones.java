package io.confcdr.store.sql;

import java.util.Collection;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code partner_tombstone} table: sids of deleted partners. Deleting a partner writes one under the
 * CDR writers' serialisation; inserting records looks the batch's partners up in it under the same
 * serialisation, so a batch validated before a deletion cannot store records for the partner after it.
 */
final class PartnerTombstones {

    static final Table<Record> TABLE = DSL.table(DSL.name("partner_tombstone"));
    static final Field<String> SID = DSL.field(DSL.name("sid"), SQLDataType.VARCHAR);

    private PartnerTombstones() {
    }

    /** Which of {@code partnerSids} belong to deleted partners; usually none. */
    static Set<String> among(DSLContext tx, Collection<String> partnerSids) {
        return Set.copyOf(tx.select(SID).from(TABLE).where(SID.in(partnerSids)).fetch(SID));
    }
}
