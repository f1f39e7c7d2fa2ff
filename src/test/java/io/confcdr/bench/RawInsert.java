package io.confcdr.bench;

import io.confcdr.model.Cdr;
import io.confcdr.store.sql.CdrTable;
import io.confcdr.store.sql.SqlStorage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The ingest floor: the same rows written straight into the {@code cdr} table with no HTTP, no JSON, no
 * validation and no duplicate check: PostgreSQL {@code COPY … FROM STDIN (FORMAT csv)}, or SQLite's
 * batched prepared INSERT, one transaction per batch, from one connection of the store's own pool.
 */
final class RawInsert {

    private final SqlStorage storage;
    private final CdrTable table;
    private final String columns;

    RawInsert(SqlStorage storage) {
        this.storage = storage;
        this.table = new CdrTable(storage.database().dialect());
        this.columns = table.attributeColumns().stream().map(Field::getName).map(name -> '"' + name + '"')
                .collect(Collectors.joining(", "));
    }

    /** Inserts every batch in its own transaction; returns the rows written. */
    long insert(List<List<Cdr>> batches) {
        return storage.database().dsl().connectionResult(connection -> {
            // COPY is the PostgreSQL driver's own API: the floor uses it wherever the connection offers it.
            boolean copy = connection.isWrapperFor(PGConnection.class);
            long rows = 0;
            for (List<Cdr> batch : batches) {
                Instant now = Instant.now();
                rows += copy ? copy(connection, batch, now) : insertRows(connection, batch, now);
            }
            return rows;
        });
    }

    private long copy(Connection connection, List<Cdr> batch, Instant now) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY cdr (" + columns + ") FROM STDIN WITH (FORMAT csv)");
        var csv = new StringBuilder(batch.size() * 1024);
        for (Cdr cdr : batch) {
            List<Object> values = table.values(cdr.toBuilder().dateInsert(now).build());
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (i > 0) {
                    csv.append(',');
                }
                if (value instanceof String text) {
                    csv.append('"').append(text.replace("\"", "\"\"")).append('"');
                } else if (value != null) {
                    csv.append(value);
                }
            }
            csv.append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        return copy.endCopy();
    }

    private long insertRows(Connection connection, List<Cdr> batch, Instant now) throws SQLException {
        int width = table.attributeColumns().size();
        String placeholders = "?" + ", ?".repeat(width - 1);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var insert = connection.prepareStatement("INSERT INTO cdr (" + columns + ") VALUES (" + placeholders + ")")) {
            for (Cdr cdr : batch) {
                List<Object> values = table.values(cdr.toBuilder().dateInsert(now).build());
                for (int i = 0; i < width; i++) {
                    Object value = values.get(i);
                    insert.setObject(i + 1, value instanceof Instant instant ? instant.toEpochMilli() : value);
                }
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return batch.size();
    }
}
