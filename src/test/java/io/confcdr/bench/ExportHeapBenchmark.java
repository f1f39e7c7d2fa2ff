package io.confcdr.bench;

import io.confcdr.api.ChildServer;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The export's heap: the server alone in a child JVM limited to {@code -Xmx256m} (GC log in
 * target/export-heap-gc.log), over a store of {@code records} generated CDRs loaded by this JVM, exports
 * them all as NDJSON and then as CSV to a client here that reads and drops the bytes. Reports the
 * child's peak heap used (all pools, garbage included), and fails if it died (it exits at the first
 * OutOfMemoryError) or an export came out short.
 */
final class ExportHeapBenchmark {

    private final String kind;
    private final long records;
    private final String keptSchema;
    private final String heap;

    ExportHeapBenchmark(String kind, long records, String keptSchema, String heap) {
        this.kind = kind;
        this.records = records;
        this.keptSchema = keptSchema;
        this.heap = heap;
    }

    void run() throws Exception {
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(11));
        try (var store = BenchStore.open(kind, generator, keptSchema)) {
            ReadBenchmark.fill(store, records, keptSchema);
            long total = store.storage().database().dsl().fetchCount(
                    new io.confcdr.store.sql.CdrTable(store.storage().database().dialect()).table());
            String token = store.readToken(generator);
            List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-Xlog:gc:file=target/export-heap-gc.log",
                    "-Dlogback.configurationFile=bench/logback.xml"));
            String location = kind.equals("sqlite") ? store.sqliteDir().toString() : store.jdbcUrl();
            try (var child = new ChildServer(kind, location, options)) {
                long[] ndjson = time("ndjson", child.port(), token);
                long[] csv = time("csv", child.port(), token);
                boolean alive = child.isAlive();
                ChildServer.Ended ended = child.stop();
                Bench.say("RESULT export-heap %s: server JVM -Xmx%s (max heap %.0f MB), exit code %d, alive after both exports %s; "
                                + "peak heap used %.0f MB; NDJSON %,d records %,d bytes; CSV %,d rows %,d bytes; load average %.2f",
                        kind, heap, ended.maxHeap() / 1e6, ended.exitCode(), alive, ended.peakHeapUsed() / 1e6,
                        ndjson[0], ndjson[1], csv[0] - 1, csv[1], ExportBenchmark.loadAverage());
                if (ended.exitCode() != 0 || ndjson[0] != total || csv[0] - 1 != total) {
                    throw new IllegalStateException("the export server failed: " + ended.stderr());
                }
            }
        }
    }

    private long[] time(String format, int port, String token) throws Exception {
        long started = System.nanoTime();
        long[] counted = ExportBenchmark.export(port, token, ExportBenchmark.EXPORT + "?format=" + format);
        double seconds = (System.nanoTime() - started) / 1e9;
        Bench.say("export-heap %s %s: %,d lines, %,d bytes in %.1f s = %.0f lines/s", kind, format, counted[0], counted[1],
                seconds, counted[0] / seconds);
        return counted;
    }
}
