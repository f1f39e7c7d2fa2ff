package io.confcdr.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Entry point of the load benchmarks ({@code bench/run}); not a test. Every server it starts listens on
 * 127.0.0.1 only, every loop is bounded by a count and a time.
 *
 * <pre>
 * bench/run ingest --store postgres --records 200000
 * bench/run pages  --store sqlite   --records 1000000
 * bench/run http   --store sqlite   --records 1000000 --seconds 8
 * bench/run reads  --store postgres --records 1000000    # pages and http on one loaded store
 * bench/run reports --store postgres --records 10000000 --keep-schema bench_reports   # usage reports, both paths
 * bench/run compaction --store sqlite --records 200000 [--batch 100]   # usage aggregates fed in small batches, before/after compaction
 * bench/run fuzz-http --store sqlite --queries 50000 --bodies 10000 [--seed N]   # live fuzzing
 * bench/run export   --store postgres --records 10000000 --keep-schema bench_export [--rounds 2]
 * bench/run meetings --store sqlite   --records 1000000
 * bench/run export-heap --store sqlite --records 1000000 [--heap 256m]   # the server in a child JVM
 * bench/run push --store sqlite --rate 2000 --seconds 20 --records 100000 [--max-batch 100] [--subscriptions 10] [--history 100000] [--warmup 10]   # webhooks end to end
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bench/run ingest|pages|http|reads|reports|compaction|fuzz-http|export|meetings|export-heap|push [--store sqlite|postgres] [--records N] "
                    + "[--batch N] [--senders N] [--seconds N] [--only get-by-sid|list-1000|next-walk] [--walk N] [--keep-schema bench_NAME] [--queries N --bodies N --seed N] [--rate N --max-batch N --subscriptions N]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String store = options.getOrDefault("store", "sqlite");
        long records = Long.parseLong(options.getOrDefault("records", "1000000"));
        Duration seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "8")));
        long walk = Long.parseLong(options.getOrDefault("walk", "1000000"));
        String kept = options.get("keep-schema");
        say("%s on %s, %d CPUs, max heap %d MB, JDK %s, load average %.2f", args[0], store,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        switch (args[0]) {
            case "ingest" -> new IngestBenchmark(store, (int) Long.parseLong(options.getOrDefault("records", "200000")),
                    Integer.parseInt(options.getOrDefault("batch", "5000")),
                    Integer.parseInt(options.getOrDefault("senders", "4"))).run();
            case "pages" -> new ReadBenchmark(store, records, true, false, seconds, null, walk, kept).run();
            case "http" -> new ReadBenchmark(store, records, false, true, seconds, options.get("only"), walk, kept).run();
            case "reads" -> new ReadBenchmark(store, records, true, true, seconds, options.get("only"), walk, kept).run();
            case "reports" -> new ReportBenchmark(store, records, Integer.parseInt(options.getOrDefault("rounds", "10")),
                    Integer.parseInt(options.getOrDefault("scan-rounds", "2")), kept).run();
            case "compaction" -> new CompactionBenchmark(store, (int) Long.parseLong(options.getOrDefault("records", "200000")),
                    Integer.parseInt(options.getOrDefault("batch", "100")), Integer.parseInt(options.getOrDefault("rounds", "10"))).run();
            case "fuzz-http" -> FuzzHttpBenchmark.run(store, Integer.parseInt(options.getOrDefault("queries", "50000")),
                    Integer.parseInt(options.getOrDefault("bodies", "10000")),
                    Long.parseLong(options.getOrDefault("seed", Long.toString(System.nanoTime()))));
            case "export" -> new ExportBenchmark(store, records, Integer.parseInt(options.getOrDefault("rounds", "2")), kept).run();
            case "meetings" -> new MeetingBenchmark(store, records, kept).run();
            case "export-heap" -> new ExportHeapBenchmark(store, records, kept, options.getOrDefault("heap", "256m")).run();
            case "push" -> new PushBenchmark(store, Integer.parseInt(options.getOrDefault("rate", "2000")), seconds,
                    (int) Long.parseLong(options.getOrDefault("records", "100000")),
                    Integer.parseInt(options.getOrDefault("max-batch", "100")),
                    Integer.parseInt(options.getOrDefault("subscriptions", "10")),
                    Integer.parseInt(options.getOrDefault("history", "100000")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")))).run();
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
        say("done; load average %.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static void say(String format, Object... args) {
        System.out.println(Instant.now() + " " + String.format(format, args));
    }
}
