package io.confcdr.bench;

import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.sql.CdrQueryTranslator;
import io.confcdr.store.sql.CdrTable;
import io.confcdr.store.sql.SqlDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jooq.Query;
import org.postgresql.PGConnection;

/**
 * {@code GET …/calls/export} (NDJSON, no gzip) of every record of a loaded store, read to the end by a
 * real HTTP client that counts lines and discards the bytes, against the floor of the same rows: on
 * PostgreSQL {@code COPY (SELECT …) TO STDOUT} of the export's own SQL through the driver's CopyManager,
 * on SQLite the same SELECT through plain JDBC reading every column. Rounds alternate floor and export so
 * that drift in machine load hits both alike.
 */
final class ExportBenchmark {

    static final String EXPORT = ReadBenchmark.LIST + "/export";

    private final String kind;
    private final long records;
    private final int rounds;
    private final String keptSchema;

    ExportBenchmark(String kind, long records, int rounds, String keptSchema) {
        this.kind = kind;
        this.records = records;
        this.rounds = rounds;
        this.keptSchema = keptSchema;
    }

    void run() throws Exception {
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(11));
        try (var store = BenchStore.open(kind, generator, keptSchema)) {
            ReadBenchmark.fill(store, records, keptSchema);
            long total = store.storage().database().dsl().fetchCount(new CdrTable(store.storage().database().dialect()).table());
            int port = store.startServer();
            String token = store.readToken(generator);
            var visibility = new Visibility(store.storage().partners().subtree(generator.rootPartner().sid()));
            String sql = floorSql(store.storage().database(), visibility);
            Bench.say("export floor SQL: %s", sql.length() > 300 ? sql.substring(0, 300) + "…" : sql);
            double[] floorRates = new double[rounds];
            double[] exportRates = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long started = System.nanoTime();
                long floorRows = kind.equals("postgres") ? copyOut(store.jdbcUrl(), sql) : selectAll(store.jdbcUrl(), sql);
                double floorSeconds = (System.nanoTime() - started) / 1e9;
                started = System.nanoTime();
                long[] exported = export(port, token, EXPORT + "?format=ndjson");
                double exportSeconds = (System.nanoTime() - started) / 1e9;
                if (floorRows != total || exported[0] != total) {
                    throw new IllegalStateException("the store holds " + total + " records; the floor read " + floorRows
                            + ", the export wrote " + exported[0]);
                }
                floorRates[round] = floorRows / floorSeconds;
                exportRates[round] = exported[0] / exportSeconds;
                Bench.say("RESULT export %s round %d: %,d records (%,d bytes) in %.1f s = %.0f records/s; floor (%s) %.1f s = %.0f rows/s; "
                                + "ratio %.2f; load average %.2f", kind, round + 1, exported[0], exported[1], exportSeconds,
                        exportRates[round], kind.equals("postgres") ? "COPY TO STDOUT" : "SELECT through JDBC", floorSeconds,
                        floorRates[round], exportRates[round] / floorRates[round], loadAverage());
            }
            double bestExport = java.util.Arrays.stream(exportRates).max().orElseThrow();
            double bestFloor = java.util.Arrays.stream(floorRates).max().orElseThrow();
            Bench.say("RESULT export %s best: %.0f records/s; floor best %.0f rows/s; ratio of bests %.2f", kind, bestExport,
                    bestFloor, bestExport / bestFloor);
        }
    }

    /** The export's SQL with its values inlined: the store's scan (visibility, no filter, insertion order). */
    static String floorSql(SqlDatabase db, Visibility visibility) {
        CdrTable cdr = new CdrTable(db.dialect());
        CdrQueryTranslator translator = new CdrQueryTranslator(cdr, db.dialect());
        // The same construction as CdrScanReader.scan without a cursor.
        Query scan = db.dsl().select(cdr.selectColumns())
                .from(cdr.table())
                .where(translator.visibility(visibility).and(translator.filter(Filter.ALL)))
                .orderBy(translator.sortFields(Order.INSERTION, false));
        return db.dsl().renderInlined(scan);
    }

    /** {@code COPY (sql) TO STDOUT} in text format, the bytes counted and dropped; returns the rows. */
    private static long copyOut(String jdbcUrl, String sql) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            var lines = new LineCounter();
            long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + sql + ") TO STDOUT", lines);
            if (rows != lines.lines) {
                throw new IllegalStateException("COPY reported " + rows + " rows in " + lines.lines + " lines");
            }
            return rows;
        }
    }

    /** The SELECT through plain JDBC, every column of every row read as its JDBC type's object. */
    private static long selectAll(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            statement.setFetchSize(1000);
            long rows = 0;
            long touched = 0;
            try (ResultSet rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    rows++;
                    for (int c = 1; c <= columns; c++) {
                        Object value = rs.getObject(c);
                        if (value != null) {
                            touched++;
                        }
                    }
                }
            }
            if (touched == 0 && rows > 0) {
                throw new IllegalStateException("the floor read no values");
            }
            return rows;
        }
    }

    /** Reads the whole export body; returns {records (lines), bytes}. Fails on any status but 200. */
    static long[] export(int port, String token, String pathAndQuery) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofHours(1))
                .GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode());
        }
        var lines = new LineCounter();
        try (InputStream body = response.body()) {
            body.transferTo(lines);
        }
        return new long[] {lines.lines, lines.bytes};
    }

    /** CSV bodies count their header row as a line; callers subtract it. */
    static final class LineCounter extends OutputStream {
        long lines;
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
