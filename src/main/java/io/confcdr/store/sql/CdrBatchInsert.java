package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.Timestamps;
import io.confcdr.store.InsertResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Stores a batch of CDRs in one transaction: the batch's call_sids already stored are read first (to
 * tell a duplicate from a conflict), the others go in with {@code ON CONFLICT (call_sid) DO NOTHING}:
 * by {@link PostgresCopy} on PostgreSQL (COPY measured 5× faster than multi-row inserts), by multi-row
 * INSERTs on SQLite. Writers are serialised: on SQLite by {@link SqlDatabase}, on PostgreSQL by a
 * transaction-scoped advisory lock, which also makes insertion sequences become visible in commit order,
 * so a client walking {@code after} cursors never skips a record that committed late.
 */
final class CdrBatchInsert {

    /** Rows per statement on SQLite (27 binds each stays under its bind limit), and per call_sid lookup. */
    private static final int ROWS_PER_STATEMENT = 500;
    /** The advisory lock that orders CDR insert transactions ("cdr_seq"). */
    private static final long SEQUENCE_LOCK = 0x6364725f736571L;

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final Clock clock;
    private final PostgresCopy copy;

    CdrBatchInsert(SqlDatabase db, CdrTable cdr, Clock clock) {
        this.db = db;
        this.cdr = cdr;
        this.clock = clock;
        this.copy = db.dialect() == Dialect.POSTGRES ? new PostgresCopy(cdr) : null;
    }

    List<InsertResult> insert(List<Cdr> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        return db.write(tx -> {
            if (db.dialect() == Dialect.POSTGRES) {
                tx.execute("select pg_advisory_xact_lock(?)", SEQUENCE_LOCK);
            }
            Instant now = Timestamps.truncate(clock.instant());
            List<Cdr> rows = records.stream().map(record -> normalised(record, now)).toList();
            Map<String, Cdr> stored = storedAmong(tx, rows);
            List<InsertResult> results = new ArrayList<>(rows.size());
            List<Cdr> fresh = new ArrayList<>();
            for (Cdr row : rows) {
                Cdr existing = stored.get(row.callSid());
                if (existing == null) {
                    fresh.add(row);
                    results.add(new InsertResult.Stored(row));
                } else if (existing.withDateInsert(null).equals(row.withDateInsert(null))) {
                    results.add(new InsertResult.Duplicate(row.callSid()));
                } else {
                    results.add(new InsertResult.Conflict(row.callSid()));
                }
            }
            insertFresh(tx, fresh);
            return results;
        });
    }

    /** The records already stored under the batch's call_sids. Writers are serialised, so this stays true until commit. */
    private Map<String, Cdr> storedAmong(DSLContext tx, List<Cdr> rows) {
        Map<String, Cdr> stored = new HashMap<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<String> sids = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)).stream()
                    .map(Cdr::callSid).toList();
            tx.select(cdr.selectColumns()).from(cdr.table()).where(callSidAmong(sids))
                    .fetch(cdr::toCdr)
                    .forEach(cdr -> stored.put(cdr.callSid(), cdr));
        }
        return stored;
    }

    /**
     * On PostgreSQL one array parameter ({@code = ANY(?)}): a long IN list of parameters is slow to plan
     * and tempts the planner into a sequential scan; SQLite has no arrays and handles IN lists well.
     */
    private org.jooq.Condition callSidAmong(List<String> sids) {
        return db.dialect() == Dialect.POSTGRES
                ? cdr.callSid().eq(DSL.any(sids.toArray(String[]::new)))
                : cdr.callSid().in(sids);
    }

    /**
     * Inserts records known to be new, in batch order so their sequence follows it. ON CONFLICT DO NOTHING
     * is the safety net should another writer ever slip past the serialisation: the batch is then rolled
     * back rather than half-reported.
     */
    private void insertFresh(DSLContext tx, List<Cdr> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        if (copy != null) {
            if (copy.insert(tx, fresh) != fresh.size()) {
                throw new IllegalStateException("a concurrent writer stored some of these call_sids; batch rolled back");
            }
            return;
        }
        for (int from = 0; from < fresh.size(); from += ROWS_PER_STATEMENT) {
            List<Cdr> chunk = fresh.subList(from, Math.min(fresh.size(), from + ROWS_PER_STATEMENT));
            InsertValuesStepN<Record> insert = tx.insertInto(cdr.table(), cdr.attributeColumns());
            for (Cdr row : chunk) {
                insert = insert.values(cdr.values(row));
            }
            int inserted = insert.onConflict(cdr.callSid()).doNothing().execute();
            if (inserted != chunk.size()) {
                throw new IllegalStateException("a concurrent writer stored some of these call_sids; batch rolled back");
            }
        }
    }

    /** The record as it will be read back: dates at millisecond precision, date_insert set by the store. */
    private static Cdr normalised(Cdr record, Instant now) {
        return record.toBuilder()
                .dateDisconnected(truncate(record.dateDisconnected()))
                .dateJoin(truncate(record.dateJoin()))
                .dateStart(truncate(record.dateStart()))
                .dateStop(truncate(record.dateStop()))
                .dateInsert(now)
                .build();
    }

    private static Instant truncate(Instant instant) {
        return instant == null ? null : Timestamps.truncate(instant);
    }
}
