package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.Timestamps;
import io.confcdr.store.InsertResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;

/**
 * Stores a batch of CDRs in one transaction: multi-row {@code INSERT … ON CONFLICT (call_sid) DO NOTHING
 * RETURNING call_sid}, then the records that were not inserted are compared with what is stored to tell a
 * duplicate from a conflict. On PostgreSQL the transaction first takes an advisory lock, so insertion
 * sequences become visible in commit order and a client walking {@code after} cursors never skips a
 * record that committed late.
 */
final class CdrBatchInsert {

    /** Rows per INSERT statement: 27 binds each stays well under both databases' bind limits. */
    private static final int ROWS_PER_STATEMENT = 500;
    /** The advisory lock that orders CDR insert transactions ("cdr_seq"). */
    private static final long SEQUENCE_LOCK = 0x6364725f736571L;

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final Clock clock;

    CdrBatchInsert(SqlDatabase db, CdrTable cdr, Clock clock) {
        this.db = db;
        this.cdr = cdr;
        this.clock = clock;
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
            Set<String> inserted = insertNew(tx, rows);
            return results(tx, rows, inserted);
        });
    }

    private Set<String> insertNew(DSLContext tx, List<Cdr> rows) {
        Set<String> inserted = new HashSet<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            InsertValuesStepN<Record> insert = tx.insertInto(cdr.table(), cdr.attributeColumns());
            for (Cdr row : rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT))) {
                insert = insert.values(cdr.values(row));
            }
            inserted.addAll(insert.onConflict(cdr.callSid()).doNothing()
                    .returningResult(cdr.callSid()).fetch(cdr.callSid()));
        }
        return inserted;
    }

    private List<InsertResult> results(DSLContext tx, List<Cdr> rows, Set<String> inserted) {
        List<String> notInserted = rows.stream().map(Cdr::callSid).filter(sid -> !inserted.contains(sid)).toList();
        Map<String, Cdr> stored = notInserted.isEmpty() ? Map.of() : tx.select(cdr.selectColumns())
                .from(cdr.table())
                .where(cdr.callSid().in(notInserted))
                .fetch(cdr::toCdr)
                .stream()
                .collect(Collectors.toMap(Cdr::callSid, Function.identity()));
        List<InsertResult> results = new ArrayList<>(rows.size());
        for (Cdr row : rows) {
            if (inserted.contains(row.callSid())) {
                results.add(new InsertResult.Stored(row));
                continue;
            }
            Cdr existing = stored.get(row.callSid());
            if (existing == null) {
                throw new IllegalStateException("call_sid neither inserted nor stored: " + row.callSid());
            }
            boolean identical = existing.withDateInsert(null).equals(row.withDateInsert(null));
            results.add(identical ? new InsertResult.Duplicate(row.callSid()) : new InsertResult.Conflict(row.callSid()));
        }
        return results;
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
