package io.confcdr.bench;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.boot.Services;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.generate.GeneratedPartner;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.store.sql.SqlStorage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A fresh, empty store for one benchmark: SQLite in a temporary directory, or PostgreSQL in a schema of
 * its own (dropped at close), with the generator's partners created. Optionally the real
 * {@link ApiServer} on 127.0.0.1 in front of it.
 */
final class BenchStore implements AutoCloseable {

    /** Where the same server answers a constant body; see {@link #setFloorBody}. */
    static final String FLOOR_PATH = "/bench/floor/";
    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String kind;
    private final SqlStorage storage;
    private final Path sqliteDir;
    private final String pgBaseUrl;
    private final String schema;
    private final boolean kept;
    private final String jdbcUrl;
    private ApiServer server;
    private final java.util.Map<String, byte[]> floorBodies = new java.util.concurrent.ConcurrentHashMap<>();

    private BenchStore(String kind, SqlStorage storage, Path sqliteDir, String pgBaseUrl, String schema, boolean kept,
            String jdbcUrl) {
        this.kind = kind;
        this.storage = storage;
        this.sqliteDir = sqliteDir;
        this.pgBaseUrl = pgBaseUrl;
        this.schema = schema;
        this.kept = kept;
        this.jdbcUrl = jdbcUrl;
    }

    /** @param kind {@code sqlite} or {@code postgres} */
    static BenchStore open(String kind, TrafficGenerator generator) throws IOException {
        return open(kind, generator, null);
    }

    /**
     * @param keptSchema on PostgreSQL, a schema to use and keep after the run (a 10 M-record store takes
     *     minutes to load; a later run with the same schema and record count reuses it); null for a fresh
     *     schema dropped at close
     */
    static BenchStore open(String kind, TrafficGenerator generator, String keptSchema) throws IOException {
        Clock clock = Clock.systemUTC();
        BenchStore store;
        if (kind.equals("sqlite")) {
            if (keptSchema != null) {
                throw new IllegalArgumentException("--keep-schema is for PostgreSQL");
            }
            Path dir = Files.createTempDirectory("confcdr-bench-");
            store = new BenchStore(kind, SqlStorageFactory.sqlite(dir, clock), dir, null, null, false,
                    "jdbc:sqlite:" + dir.resolve("confcdr.db"));
        } else if (kind.equals("postgres")) {
            String base = System.getenv().getOrDefault("CONFCDR_TEST_PG_URL", DEFAULT_PG_URL);
            if (!base.startsWith("jdbc:postgresql://127.0.0.1") && !base.startsWith("jdbc:postgresql://localhost")) {
                throw new IllegalArgumentException("benchmarks only run against a loopback PostgreSQL");
            }
            if (keptSchema != null && !keptSchema.matches("bench_[a-z0-9_]{1,40}")) {
                throw new IllegalArgumentException("a kept schema is named bench_ followed by [a-z0-9_]");
            }
            String schema = keptSchema != null ? keptSchema
                    : "bench_" + Long.toHexString(System.nanoTime()).toLowerCase(Locale.ROOT);
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            store = new BenchStore(kind, SqlStorageFactory.postgres(url, clock), null, base, schema,
                    keptSchema != null, url);
        } else {
            throw new IllegalArgumentException("store must be sqlite or postgres, not " + kind);
        }
        Instant now = Instant.now();
        for (GeneratedPartner partner : generator.partners()) {
            if (store.storage.partners().find(partner.sid()).isEmpty()) {
                store.storage.partners().create(partner.toPartner(now));
            }
        }
        return store;
    }

    /** A JDBC URL of the same database, for a connection outside the store's pool. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /** The SQLite store's data directory; null on PostgreSQL. */
    Path sqliteDir() {
        return sqliteDir;
    }

    String kind() {
        return kind;
    }

    SqlStorage storage() {
        return storage;
    }

    /** A token of the generator's root partner with these scopes. */
    String token(TrafficGenerator generator, String... scopes) {
        return new TokenIssuer(storage.tokens(), Clock.systemUTC())
                .issue(generator.rootPartner().sid(), "bench", Set.of(scopes), null).secret();
    }

    String readToken(TrafficGenerator generator) {
        return token(generator, Scopes.APP_READ, Scopes.APP_READ_DESCENDANT);
    }

    /**
     * Starts the real API server on a free loopback port. The per-token rate limit is lifted: one token
     * drives all the load, and the default limit (300/s) would turn most requests into 429s.
     */
    int startServer() {
        server = ApiServer.start(Services.over(storage, Clock.systemUTC()),
                new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES).withRateLimit(10_000_000, 10_000_000),
                routes -> routes.get(FLOOR_PATH + "{name}", ctx -> {
                    byte[] body = floorBodies.get(ctx.pathParam("name"));
                    if (body == null) {
                        ctx.status(404);
                    } else {
                        ctx.contentType("application/json").result(body);
                    }
                }));
        return server.port();
    }

    /**
     * The floor inside the server itself: {@code GET /bench/floor/<name>} on the real server (same Jetty
     * settings, request logging and error handling, no auth, no store) answers these bytes.
     */
    void setFloorBody(String name, byte[] body) {
        floorBodies.put(name, body);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        storage.close();
        try {
            if (schema != null && !kept) {
                try (var connection = DriverManager.getConnection(pgBaseUrl);
                        var statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
                }
            }
            if (sqliteDir != null) {
                try (Stream<Path> files = Files.walk(sqliteDir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (SQLException e) {
            System.err.println("could not drop benchmark schema " + schema + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
