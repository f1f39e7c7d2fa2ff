package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.Timestamps;
import io.confcdr.store.InsertResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Stores a batch of CDRs in one transaction: the batch's call_sids already stored are read first (to
 * tell a duplicate from a conflict), the others go in: by {@link PostgresCopy} (COPY straight into the
 * table; tried first for the whole batch without the lookup, see {@link #copiedWhole}) on PostgreSQL,
 * by one prepared {@code INSERT … ON CONFLICT (call_sid) DO NOTHING} run as a JDBC batch on SQLite. Writers are serialised: on SQLite by {@link SqlDatabase}, on
 * PostgreSQL by a transaction-scoped advisory lock, which also makes insertion sequences become visible in commit order,
 * so a client walking {@code after} cursors never skips a record that committed late.
 */
final class CdrBatchInsert {

    /** call_sids per lookup of the records already stored (an IN list of binds on SQLite). */
    private static final int SIDS_PER_LOOKUP = 500;
    /** The advisory lock that orders CDR insert transactions ("cdr_seq"). */
    private static final long SEQUENCE_LOCK = 0x6364725f736571L;
    private static final String UNIQUE_VIOLATION = "23505";

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final CdrRows cdrRows;
    private final Clock clock;
    private final PostgresCopy copy;

    CdrBatchInsert(SqlDatabase db, CdrTable cdr, CdrRows rows, Clock clock) {
        this.db = db;
        this.cdr = cdr;
        this.cdrRows = rows;
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
                // The call_sid lookup below is planned for its actual array: without this it slowed to 0.7 s per
                // 500 sids at ≈ 150 000 rows, most likely a generic plan cached while the table was small.
                tx.execute("set local plan_cache_mode = force_custom_plan");
            }
            Instant now = Timestamps.truncate(clock.instant());
            List<Cdr> rows = records.stream().map(record -> normalised(record, now)).toList();
            if (copy != null && copiedWhole(tx, rows)) {
                return rows.stream().<InsertResult>map(InsertResult.Stored::new).toList();
            }
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

    /**
     * PostgreSQL, optimistically: most batches hold only new records, and the unique index on call_sid
     * checks each row as COPY inserts it anyway, so the batch is copied whole without looking its sids up
     * first. If any sid is already stored, COPY fails on the unique key; the attempt is rolled back to a
     * savepoint and the batch takes the careful path (look up, then copy what is new). Saves a lookup of
     * every sid (10 queries per batch of 5000) in the common case.
     */
    private boolean copiedWhole(DSLContext tx, List<Cdr> rows) {
        try {
            tx.transaction(attempt -> {
                if (copy.insert(attempt.dsl(), rows) != rows.size()) {
                    throw new IllegalStateException("COPY stored fewer rows than the batch holds; batch rolled back");
                }
            });
            return true;
        } catch (DataAccessException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                return false;
            }
            throw e;
        }
    }

    /** The records already stored under the batch's call_sids. Writers are serialised, so this stays true until commit. */
    private Map<String, Cdr> storedAmong(DSLContext tx, List<Cdr> rows) {
        Map<String, Cdr> stored = new HashMap<>();
        for (int from = 0; from < rows.size(); from += SIDS_PER_LOOKUP) {
            List<String> sids = rows.subList(from, Math.min(rows.size(), from + SIDS_PER_LOOKUP)).stream()
                    .map(Cdr::callSid).toList();
            cdrRows.fetch(tx.select(cdr.selectColumns()).from(cdr.table()).where(callSidAmong(sids)))
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
     * Inserts records known to be new, in batch order so their sequence follows it. Should another writer
     * ever slip past the serialisation, the unique key (PostgreSQL) or ON CONFLICT DO NOTHING and the
     * count check (SQLite) roll the whole batch back rather than half-report it.
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
        // One prepared single-row INSERT run as a JDBC batch, rather than multi-row INSERTs whose 13 500 bind
        // values per statement jOOQ renders and SQLite parses anew each time: HTTP ingest on SQLite went from
        // ≈ 5 500 to ≈ 9 000 CDR/s (bench/run ingest, same machine, same hour).
        BatchBindStep insert = tx.batch(tx.insertInto(cdr.table(), cdr.attributeColumns())
                .values(Collections.nCopies(cdr.attributeColumns().size(), null))
                .onConflict(cdr.callSid()).doNothing());
        for (Cdr row : fresh) {
            insert = insert.bind(cdr.values(row).toArray());
        }
        if (IntStream.of(insert.execute()).sum() != fresh.size()) {
            throw new IllegalStateException("a concurrent writer stored some of these call_sids; batch rolled back");
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
