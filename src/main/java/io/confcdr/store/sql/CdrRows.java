package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.EncodedCdr;
import io.confcdr.model.FieldType;
import io.confcdr.model.Seconds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;

/**
 * Reads a {@link Cdr} straight off a JDBC row whose columns are {@link CdrTable#selectColumns()}, in that
 * order. The hot read paths (a record by call_sid, every list page) map rows here rather than through
 * jOOQ records: one virtual call per column instead of a record, a converter and a field lookup each.
 * Queries built with jOOQ are mapped here too ({@link #fetch}), so there is one mapping of a row.
 */
final class CdrRows {

    /** Each attribute column's type, by position: read once, as {@code values()} copies its array per call. */
    private static final FieldType[] TYPES = Stream.of(CdrField.values()).map(CdrField::type).toArray(FieldType[]::new);

    private final Dialect dialect;

    /** @throws IllegalStateException if the table's select list is not the attributes in record order, then seq */
    CdrRows(CdrTable cdr, Dialect dialect) {
        List<String> expected = new ArrayList<>();
        for (CdrField field : CdrField.values()) {
            expected.add(field.wireName());
        }
        expected.add(cdr.seq().getName());
        List<String> columns = cdr.selectColumns().stream().map(Field::getName).toList();
        if (!columns.equals(expected)) {
            throw new IllegalStateException("CdrRows reads columns by position; the select list is " + columns);
        }
        this.dialect = dialect;
    }

    /** Runs a jOOQ query selecting {@link CdrTable#selectColumns()} and maps every row. */
    List<Cdr> fetch(ResultQuery<?> query) {
        try (ResultSet rs = query.fetchResultSet()) {
            List<Cdr> records = new ArrayList<>();
            while (rs.next()) {
                records.add(read(rs));
            }
            return records;
        } catch (SQLException e) {
            throw new DataAccessException("reading records failed", e);
        }
    }

    /** The current row of {@code rs} as a record; columns 1–27 are the attributes in {@code CdrField} order. */
    Cdr read(ResultSet rs) throws SQLException {
        Object[] values = new Object[TYPES.length];
        for (int i = 0; i < TYPES.length; i++) {
            int column = i + 1;
            values[i] = switch (TYPES[i]) {
                case TEXT -> rs.getString(column);
                case INSTANT -> instant(rs, column);
                case INTEGER -> integer(rs, column);
                case SECONDS -> seconds(rs, column);
            };
        }
        return Cdr.fromValues(values);
    }

    /**
     * The current row as an {@link EncodedCdr}: text columns as the bytes the driver holds, which both
     * drivers give as the text's UTF-8 (PostgreSQL's client encoding is always UTF8, SQLite's text is
     * UTF-8), the rest as {@link #read} maps them.
     */
    EncodedCdr readEncoded(ResultSet rs) throws SQLException {
        Object[] values = new Object[TYPES.length];
        for (int i = 0; i < TYPES.length; i++) {
            int column = i + 1;
            values[i] = switch (TYPES[i]) {
                case TEXT -> rs.getBytes(column);
                case INSTANT -> instant(rs, column);
                case INTEGER -> integer(rs, column);
                case SECONDS -> seconds(rs, column);
            };
        }
        return EncodedCdr.ofValues(values);
    }

    private Instant instant(ResultSet rs, int column) throws SQLException {
        return dialect.instant(rs, column);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Seconds seconds(ResultSet rs, int column) throws SQLException {
        long micros = rs.getLong(column);
        return rs.wasNull() ? null : new Seconds(micros);
    }
}
