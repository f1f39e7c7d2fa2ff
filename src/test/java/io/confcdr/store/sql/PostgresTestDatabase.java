package io.confcdr.store.sql;

import static org.junit.jupiter.api.Assertions.fail;

import io.confcdr.store.Storage;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The machine's PostgreSQL for tests: {@code CONFCDR_TEST_PG_URL} or the local default. Each test class
 * gets its own schema, dropped and recreated at start. An unreachable server fails the test and says
 * how to start it: the PostgreSQL tests never skip.
 */
public final class PostgresTestDatabase {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private PostgresTestDatabase() {
    }

    public static String baseUrl() {
        String url = System.getenv("CONFCDR_TEST_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** The URL of a fresh, empty schema named after the test class. */
    public static String freshSchemaUrl(Class<?> testClass) {
        String schema = "t_" + testClass.getSimpleName().toLowerCase();
        try (var connection = DriverManager.getConnection(baseUrl());
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            fail("PostgreSQL is not reachable at " + baseUrl() + " (" + e.getMessage() + "). Start it with: "
                    + "pg_ctlcluster --skip-systemctl-redirect 15 main start (or set CONFCDR_TEST_PG_URL)");
        }
        return withSchema(baseUrl(), schema);
    }

    static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A migrated storage in a fresh schema for the test class. */
    public static Storage open(Class<?> testClass, Clock clock) {
        return SqlStorageFactory.open(null, freshSchemaUrl(testClass), clock);
    }
}
