package io.confcdr.bench;

import io.confcdr.query.CdrQuery;
import io.confcdr.query.ListRequestParser;
import io.confcdr.query.Visibility;
import io.confcdr.store.sql.CdrQueryTranslator;
import io.confcdr.store.sql.CdrTable;
import io.confcdr.store.sql.Dialect;
import io.confcdr.store.sql.SqlDatabase;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Converter;
import org.jooq.Query;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * The floor of a list request: the page's SQL, exactly as the store builds it (rendered from the store's
 * own translator), run through a plain JDBC statement prepared once on a connection of its own, every row
 * written as a JSON object with Jackson's generator into memory. No HTTP, no auth, no pool, no envelope:
 * what any server answering this request must at least do.
 */
final class JdbcListFloor implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Converter<?, Instant> instantToJdbc;
    private final Connection connection;
    private final PreparedStatement statement;
    private final List<Object> binds;
    private final String sql;

    /** @param listPath the list request as the benchmark sends it ({@code /core/v2/…/calls?limit=…&filter=…}) */
    JdbcListFloor(SqlDatabase db, String jdbcUrl, String listPath, Visibility visibility) throws SQLException {
        Dialect dialect = db.dialect();
        this.instantToJdbc = dialect.instantType().getConverter();
        CdrQuery query = ListRequestParser.parse(queryParameters(listPath)).query();
        CdrTable cdr = new CdrTable(dialect);
        CdrQueryTranslator translator = new CdrQueryTranslator(cdr, dialect);
        // The same construction as the store's first page (CdrPageReader.pageQuery without a cursor).
        Query page = db.dsl().select(cdr.selectColumns())
                .from(cdr.table())
                .where(translator.visibility(visibility).and(translator.filter(query.filter())))
                .orderBy(translator.sortFields(query.order(), false))
                .limit(query.limit() + 1)
                .offset(query.offset());
        this.sql = db.dsl().render(page);
        this.binds = new ArrayList<>(page.getBindValues());
        this.connection = DriverManager.getConnection(jdbcUrl);
        this.statement = connection.prepareStatement(sql);
    }

    String sql() {
        return sql;
    }

    /** Runs the query once and serialises every row; returns the number of rows. */
    int run() throws SQLException {
        for (int i = 0; i < binds.size(); i++) {
            statement.setObject(i + 1, jdbcValue(binds.get(i)));
        }
        var out = new ByteArrayOutputStream(1 << 20);
        int rows = 0;
        try (ResultSet rs = statement.executeQuery(); JsonGenerator json = JSON.createGenerator(out)) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            String[] names = new String[columns + 1];
            int[] types = new int[columns + 1];
            for (int c = 1; c <= columns; c++) {
                names[c] = meta.getColumnLabel(c);
                types[c] = meta.getColumnType(c);
            }
            json.writeStartArray();
            while (rs.next()) {
                rows++;
                json.writeStartObject();
                for (int c = 1; c <= columns; c++) {
                    json.writeName(names[c]);
                    writeValue(json, rs, c, types[c]);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        return rows;
    }

    private void writeValue(JsonGenerator json, ResultSet rs, int column, int type) throws SQLException {
        switch (type) {
            case Types.BIGINT, Types.INTEGER -> {
                long value = rs.getLong(column);
                if (rs.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(value.toInstant().toString());
                }
            }
            default -> json.writeString(rs.getString(column));
        }
    }

    private Object jdbcValue(Object value) {
        if (value instanceof Instant instant) {
            return instantToJdbc.to(instant);
        }
        return value;
    }

    private static Map<String, List<String>> queryParameters(String path) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String query = URI.create(path).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() throws SQLException {
        statement.close();
        connection.close();
    }
}
