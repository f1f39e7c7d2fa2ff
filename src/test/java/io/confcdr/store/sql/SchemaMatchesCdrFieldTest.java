package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.CdrField;
import io.confcdr.model.FieldType;
import io.confcdr.store.Storage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written migrations create the {@code cdr} table {@link CdrField} describes, on both databases:
 * one column per attribute under its wire name, of a type that holds the attribute's {@link FieldType},
 * NOT NULL exactly for the attributes every stored record has, and {@code seq}. Adding an attribute
 * without its migration (or the reverse) fails here, not on the first insert.
 */
class SchemaMatchesCdrFieldTest {

    /** A column as the database reports it. */
    private record Column(String type, boolean notNull) {
    }

    @TempDir
    Path dataDir;

    @Test
    void sqliteSchemaMatchesCdrField() throws SQLException {
        try (Storage ignored = SqlStorageFactory.open(dataDir, null, Clock.systemUTC());
             Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("confcdr.db"))) {
            Map<String, Column> columns = cdrColumns(connection, null);

            assertMatchesCdrField(columns, Map.of(
                    FieldType.TEXT, "TEXT",
                    FieldType.INSTANT, "INTEGER",
                    FieldType.SECONDS, "INTEGER",
                    FieldType.INTEGER, "INTEGER"));
            assertThat(columns.get("seq").type()).isEqualTo("INTEGER");
        }
    }

    @Test
    void postgresSchemaMatchesCdrField() throws SQLException {
        String url = PostgresTestDatabase.freshSchemaUrl(SchemaMatchesCdrFieldTest.class);
        try (Storage ignored = SqlStorageFactory.open(null, url, Clock.systemUTC());
             Connection connection = DriverManager.getConnection(url)) {
            Map<String, Column> columns = cdrColumns(connection, connection.getSchema());

            assertMatchesCdrField(columns, Map.of(
                    FieldType.TEXT, "text",
                    FieldType.INSTANT, "timestamptz",
                    FieldType.SECONDS, "int8",
                    FieldType.INTEGER, "int4"));
            assertThat(columns.get("seq")).isEqualTo(new Column("int8", true));
        }
    }

    private static void assertMatchesCdrField(Map<String, Column> columns, Map<FieldType, String> columnTypes) {
        List<String> expectedNames = new ArrayList<>();
        expectedNames.add("seq");
        for (CdrField field : CdrField.values()) {
            expectedNames.add(field.wireName());
        }
        assertThat(columns.keySet()).containsExactlyInAnyOrderElementsOf(expectedNames);

        for (CdrField field : CdrField.values()) {
            boolean everyRecordHasIt = field.isRequired() || field.isSetByConfcdr();
            assertThat(columns.get(field.wireName()))
                    .as(field.wireName())
                    .isEqualTo(new Column(columnTypes.get(field.type()), everyRecordHasIt));
        }
    }

    private static Map<String, Column> cdrColumns(Connection connection, String schema) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, schema, "cdr", "%")) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME"), new Column(rs.getString("TYPE_NAME"),
                        rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls));
            }
        }
        assertThat(columns).as("columns of cdr").isNotEmpty();
        return columns;
    }
}
