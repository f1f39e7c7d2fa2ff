package io.confcdr.bench;

import io.confcdr.store.sql.SqlStorageFactory;
import io.confcdr.fuzz.LiveFuzz;
import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import java.nio.file.Files;
import java.time.Clock;

/**
 * {@code bench/run fuzz-http}: a long live fuzzing campaign ({@link LiveFuzz}) on a fresh store; the
 * in-suite {@code *LiveFuzzTest} runs the same campaign short. Exits non-zero on any failure.
 */
final class FuzzHttpBenchmark {

    private FuzzHttpBenchmark() {
    }

    static void run(String store, int queries, int bodies, long seed) throws Exception {
        Clock clock = Clock.systemUTC();
        Storage storage = switch (store) {
            case "sqlite" -> SqlStorageFactory.open(Files.createTempDirectory("confcdr-fuzz-"), null, clock);
            case "postgres" -> PostgresTestDatabase.open(FuzzHttpBenchmark.class, clock);
            default -> throw new IllegalArgumentException("store must be sqlite or postgres, not " + store);
        };
        Bench.say("fuzz-http on %s: seed %d, %d query strings, %d ingest bodies", store, seed, queries, bodies);
        LiveFuzz.Outcome outcome;
        try (storage) {
            outcome = LiveFuzz.run(storage, seed, queries, bodies);
        }
        outcome.failures().forEach(failure -> Bench.say("FAILURE %s", failure));
        Bench.say("RESULT fuzz-http %s %s (%.0f requests/s)", store, outcome,
                (outcome.queries() + outcome.bodies()) * 1000.0 / Math.max(1, outcome.millis()));
        if (outcome.failureCount() > 0) {
            System.exit(1);
        }
    }
}
