package io.confcdr.store.sql;

import io.confcdr.model.EncodedCdr;
import io.confcdr.query.CdrScan;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.Deadline;
import io.confcdr.store.sql.CdrQueryTranslator.Anchor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;

/**
 * Reads a {@link CdrScan} in keyset chunks of {@link #CHUNK} records: the list route's filter, order and
 * keyset predicate, each chunk one short read ({@link SqlDatabase#read}) that starts after the last record
 * of the one before. The connection goes back to the pool before a chunk's records are handed on, so a
 * client that stops reading an export holds records in memory (a bounded queue, {@link ScanPipe}) and no
 * connection, no transaction and (on SQLite) no old snapshot that would stop WAL checkpoints. Each chunk's
 * read is bounded by the request's {@link Deadline} open when the scan starts. The scan is therefore not one
 * snapshot: a record stored meanwhile beyond the position reached is included, as when paging.
 */
final class CdrScanReader {

    /** Records per chunk: a few round trips' worth of rows per query, a few MB of heap at most. */
    static final int CHUNK = 2_000;

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final CdrQueryTranslator translator;
    private final CdrRows rows;
    private final CdrPageReader pages;

    CdrScanReader(SqlDatabase db, CdrTable cdr, CdrQueryTranslator translator, CdrRows rows, CdrPageReader pages) {
        this.db = db;
        this.cdr = cdr;
        this.translator = translator;
        this.rows = rows;
        this.pages = pages;
    }

    /**
     * Failures of the database come out as the store's exceptions; a failure of {@code sink} as itself.
     * The chunks are read on a thread of their own, the next while {@code sink} takes the last ({@link ScanPipe}).
     */
    void scan(CdrScan scan, Visibility visibility, Consumer<EncodedCdr> sink) {
        Deadline deadline = Deadline.current();
        ScanPipe.run(reading -> Deadline.within(deadline, () -> {
            read(scan, visibility, reading);
            return null;
        }), sink);
    }

    private void read(CdrScan scan, Visibility visibility, Consumer<EncodedCdr> sink) {
        Condition matching = translator.visibility(visibility).and(translator.filter(scan.filter()));
        Anchor anchor = scan.after() == null ? null
                : db.read(dsl -> pages.anchor(dsl, scan.after(), scan.order(), visibility));
        while (true) {
            Anchor from = anchor;
            Chunk chunk = db.read(dsl -> chunk(dsl, scan.order(), matching, from));
            chunk.records().forEach(sink);
            if (chunk.records().size() < CHUNK) {
                return;
            }
            anchor = chunk.last();
        }
    }

    /** A chunk's statement is set up for a long result ({@link Dialect#streamRows}). */
    private record LongResults(Dialect dialect) implements ExecuteListener {
        @Override
        public void prepareEnd(ExecuteContext ctx) {
            if (ctx.statement() != null) {
                try {
                    dialect.streamRows(ctx.statement());
                } catch (SQLException e) {
                    throw new DataAccessException("setting up the scan's statement failed", e);
                }
            }
        }
    }

    /** The records of one chunk and the keyset position after its last one. */
    private record Chunk(List<EncodedCdr> records, Anchor last) {
    }

    private Chunk chunk(DSLContext dsl, Order order, Condition matching, Anchor after) {
        Condition where = after == null ? matching : matching.and(translator.beyond(order, after, false));
        var query = dsl.configuration().deriveAppending(new LongResults(db.dialect())).dsl().select(cdr.selectColumns())
                .from(cdr.table())
                .where(where)
                .orderBy(translator.sortFields(order, false))
                .limit(CHUNK);
        int seqColumn = cdr.selectColumns().size();
        try (ResultSet rs = query.fetchResultSet()) {
            List<EncodedCdr> records = new ArrayList<>(CHUNK);
            long lastSeq = -1;
            while (rs.next()) {
                records.add(rows.readEncoded(rs));
                lastSeq = rs.getLong(seqColumn);
            }
            if (records.isEmpty()) {
                return new Chunk(records, null);
            }
            EncodedCdr last = records.get(records.size() - 1);
            Object value = order instanceof Order.ByField byField
                    ? CdrTable.toColumnValue(last.get(byField.field())) : null;
            return new Chunk(records, new Anchor(lastSeq, value));
        } catch (SQLException e) {
            throw new DataAccessException("reading records failed", e);
        }
    }
}
