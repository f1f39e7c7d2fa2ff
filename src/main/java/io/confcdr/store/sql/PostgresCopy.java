package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's bulk path: new records are streamed with COPY (CSV) into a transaction-local staging
 * table, then moved with one {@code INSERT … SELECT … ORDER BY ord ON CONFLICT DO NOTHING}, which keeps
 * batch order as insertion order. Table and column names are fixed identifiers from {@link CdrTable};
 * every value travels as COPY data, never as SQL text.
 */
final class PostgresCopy {

    private static final int FLUSH_BYTES = 1 << 20;

    private final CdrTable cdr;
    private final String columnList;

    PostgresCopy(CdrTable cdr) {
        this.cdr = cdr;
        this.columnList = cdr.attributeColumns().stream().map(Field::getName).map(name -> '"' + name + '"')
                .collect(Collectors.joining(", "));
    }

    /** @return the number of rows inserted into cdr */
    int insert(DSLContext tx, List<Cdr> fresh) {
        tx.execute("CREATE TEMP TABLE IF NOT EXISTS cdr_incoming ON COMMIT DELETE ROWS AS SELECT " + columnList
                + ", 0 AS ord FROM cdr WITH NO DATA");
        tx.connection(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY cdr_incoming (" + columnList + ", ord) FROM STDIN WITH (FORMAT csv)");
            try {
                StringBuilder csv = new StringBuilder(64 * 1024);
                for (int i = 0; i < fresh.size(); i++) {
                    appendRow(csv, cdr.values(fresh.get(i)), i);
                    if (csv.length() > FLUSH_BYTES) {
                        write(copy, csv);
                    }
                }
                write(copy, csv);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
        int inserted = tx.execute("INSERT INTO cdr (" + columnList + ") SELECT " + columnList
                + " FROM cdr_incoming ORDER BY ord ON CONFLICT (call_sid) DO NOTHING");
        return inserted;
    }

    private static void write(CopyIn copy, StringBuilder csv) throws SQLException {
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        csv.setLength(0);
    }

    /** One CSV line: an unquoted empty field is NULL, every text is quoted (so "" is the empty string). */
    private static void appendRow(StringBuilder csv, List<Object> values, int ord) {
        for (Object value : values) {
            if (value instanceof String text) {
                csv.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else if (value instanceof Instant instant) {
                csv.append(instant);
            } else if (value != null) {
                csv.append(value);
            }
            csv.append(',');
        }
        csv.append(ord).append('\n');
    }
}
