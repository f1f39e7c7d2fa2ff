package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's bulk path: records are streamed with COPY (CSV) straight into {@code cdr}; COPY assigns
 * {@code seq} in stream order, so batch order is insertion order. Each row is written once, instead of
 * into a staging table and again with {@code INSERT … SELECT … ON CONFLICT DO NOTHING}. Runs under the CDR
 * writers' advisory lock, so no conflict with another writer is expected; should one happen, the unique
 * key fails the COPY and the whole transaction rolls back (never half-applied). Table and column names
 * are fixed identifiers from {@link CdrTable}; every value travels as COPY data, never as SQL text.
 */
final class PostgresCopy implements CdrBulkInsert {

    private static final int FLUSH_BYTES = 1 << 20;
    private static final String UNIQUE_VIOLATION = "23505";

    private final CdrTable cdr;
    private final String columnList;

    PostgresCopy(CdrTable cdr) {
        this.cdr = cdr;
        this.columnList = cdr.attributeColumns().stream().map(Field::getName).map(name -> '"' + name + '"')
                .collect(Collectors.joining(", "));
    }

    /**
     * Optimistically: most batches hold only new records, and the unique key (partner_sid, call_sid) checks each row
     * as COPY inserts it anyway, so the batch is copied whole without looking its sids up first. If any sid
     * is already stored, COPY fails on the unique key; the attempt is rolled back to a savepoint and the
     * caller takes the careful path (look up, then {@link #insertNew} what is new). Saves a lookup of every
     * sid in the common case.
     */
    @Override
    public boolean insertedWhole(DSLContext tx, List<Cdr> batch) {
        try {
            tx.transaction(attempt -> {
                if (copy(attempt.dsl(), batch) != batch.size()) {
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

    @Override
    public void insertNew(DSLContext tx, List<Cdr> fresh) {
        if (copy(tx, fresh) != fresh.size()) {
            throw new IllegalStateException("a concurrent writer stored some of these call_sids; batch rolled back");
        }
    }

    /** @return the number of rows inserted into cdr */
    private int copy(DSLContext tx, List<Cdr> fresh) {
        long[] inserted = new long[1];
        tx.connection(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY cdr (" + columnList + ") FROM STDIN WITH (FORMAT csv)");
            try {
                StringBuilder csv = new StringBuilder(64 * 1024);
                for (int i = 0; i < fresh.size(); i++) {
                    appendRow(csv, cdr.values(fresh.get(i)));
                    if (csv.length() > FLUSH_BYTES) {
                        write(copy, csv);
                    }
                }
                write(copy, csv);
                inserted[0] = copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
        return Math.toIntExact(inserted[0]);
    }

    /**
     * COPYs rows into another fixed table (the usage aggregates) in the same CSV form.
     *
     * @param table   a fixed identifier, never input
     * @param columns fixed identifiers, in the order of each row's values
     */
    static void copyRows(DSLContext tx, String table, List<Field<?>> columns, List<Object[]> rows) {
        String names = columns.stream().map(Field::getName).map(name -> '"' + name + '"').collect(Collectors.joining(", "));
        tx.connection(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + names + ") FROM STDIN WITH (FORMAT csv)");
            try {
                StringBuilder csv = new StringBuilder(64 * 1024);
                for (Object[] row : rows) {
                    appendRow(csv, java.util.Arrays.asList(row));
                    if (csv.length() > FLUSH_BYTES) {
                        write(copy, csv);
                    }
                }
                write(copy, csv);
                if (copy.endCopy() != rows.size()) {
                    throw new IllegalStateException("COPY into " + table + " stored fewer rows than given");
                }
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    private static void write(CopyIn copy, StringBuilder csv) throws SQLException {
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        csv.setLength(0);
    }

    /** One CSV line: an unquoted empty field is NULL, every text is quoted (so "" is the empty string). */
    private static void appendRow(StringBuilder csv, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (i > 0) {
                csv.append(',');
            }
            if (value instanceof String text) {
                csv.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else if (value instanceof Instant instant) {
                csv.append(instant);
            } else if (value != null) {
                csv.append(value);
            }
        }
        csv.append('\n');
    }
}
