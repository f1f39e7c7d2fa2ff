package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.Timestamps;
import io.confcdr.store.InsertResult;
import io.confcdr.store.RecordKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Stores a batch of CDRs in one transaction: the batch's call_sids already stored are read first (to
 * tell a duplicate from a conflict), the others go in through the dialect's {@link CdrBulkInsert}, which
 * may first try the whole batch without the lookup. Writers are serialised ({@link SqlDatabase#write},
 * then {@link Dialect#serialiseCdrInsert}), which also makes insertion sequences become visible in commit
 * order, so a client walking {@code after} cursors never skips a record that committed late. The usage
 * aggregates of what went in are written in the same transaction.
 */
final class CdrBatchInsert {

    /** call_sids per lookup of the records already stored (an IN list of binds on SQLite). */
    private static final int SIDS_PER_LOOKUP = 500;

    private final SqlDatabase db;
    private final Dialect dialect;
    private final CdrTable cdr;
    private final CdrRows cdrRows;
    private final Clock clock;
    private final CdrBulkInsert bulkInsert;
    private final UsageAggregates aggregates;
    private final SummaryMarks summaryMarks;

    CdrBatchInsert(SqlDatabase db, CdrTable cdr, CdrRows rows, UsageAggregates aggregates, SummaryMarks summaryMarks,
            Clock clock) {
        this.db = db;
        this.dialect = db.dialect();
        this.cdr = cdr;
        this.cdrRows = rows;
        this.clock = clock;
        this.bulkInsert = dialect.cdrBulkInsert(cdr);
        this.aggregates = aggregates;
        this.summaryMarks = summaryMarks;
    }

    List<InsertResult> insert(List<Cdr> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        return db.write(tx -> insertIn(tx, records));
    }

    /**
     * The work of {@link #insert} inside a transaction the caller opened, so that it can write more in the
     * same commit (the sequence numbers of an ingest source). Serialises the transaction with every other
     * CDR insert, even for an empty batch.
     */
    List<InsertResult> insertIn(DSLContext tx, List<Cdr> records) {
        dialect.serialiseCdrInsert(tx);
        if (records.isEmpty()) {
            return List.of();
        }
        Instant now = Timestamps.truncate(clock.instant());
        List<Cdr> rows = records.stream().map(record -> normalised(record, now)).toList();
        Set<String> deleted = PartnerTombstones.among(tx, rows.stream().map(Cdr::partnerSid).collect(Collectors.toSet()));
        Set<RecordKey> erased = ErasedCalls.among(tx, dialect, rows);
        if (deleted.isEmpty() && erased.isEmpty() && bulkInsert.insertedWhole(tx, rows)) {
            aggregates.add(tx, rows);
            summaryMarks.inserted(tx, rows);
            return rows.stream().<InsertResult>map(InsertResult.Stored::new).toList();
        }
        Map<RecordKey, Cdr> stored = storedAmong(tx, rows);
        List<InsertResult> results = new ArrayList<>(rows.size());
        List<Cdr> fresh = new ArrayList<>();
        for (Cdr row : rows) {
            Cdr existing = stored.get(RecordKey.of(row));
            if (existing != null) {
                results.add(InsertResult.againstStored(existing, row));
            } else if (erased.contains(RecordKey.of(row))) {
                // Deleted by an erasure: storing it again would bring the erased number back.
                results.add(new InsertResult.Conflict(row.callSid()));
            } else if (deleted.contains(row.partnerSid())) {
                results.add(new InsertResult.PartnerMissing(row.callSid()));
            } else {
                fresh.add(row);
                results.add(new InsertResult.Stored(row));
            }
        }
        if (!fresh.isEmpty()) {
            bulkInsert.insertNew(tx, fresh);
            aggregates.add(tx, fresh);
            summaryMarks.inserted(tx, fresh);
        }
        return results;
    }

    /**
     * The records already stored under the batch's keys (call_sid within partner): a record of the same
     * call_sid under another partner is another record, and plays no part. Writers are serialised, so this
     * stays true until commit.
     */
    private Map<RecordKey, Cdr> storedAmong(DSLContext tx, List<Cdr> rows) {
        Map<RecordKey, Cdr> stored = new HashMap<>();
        for (int from = 0; from < rows.size(); from += SIDS_PER_LOOKUP) {
            List<String> sids = rows.subList(from, Math.min(rows.size(), from + SIDS_PER_LOOKUP)).stream()
                    .map(Cdr::callSid).toList();
            cdrRows.fetch(tx.select(cdr.selectColumns()).from(cdr.table())
                            .where(dialect.callSidAmong(cdr.callSid(), sids)))
                    .forEach(cdr -> stored.put(RecordKey.of(cdr), cdr));
        }
        return stored;
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
