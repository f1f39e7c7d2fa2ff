package io.confcdr.bench;

import io.confcdr.generate.NdjsonWriter;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Records per second the traffic generator produces, alone and written as NDJSON (what
 * {@code confcdr generate} does). The goal is at least 200 000 records/s written.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class TrafficGeneratorBenchmark {

    private static final int RECORDS = 50_000;

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void generate(Blackhole blackhole) {
        new TrafficGenerator(TrafficSettings.ofSeed(42)).records(RECORDS).forEachRemaining(blackhole::consume);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long generateAndWriteNdjson() {
        var sink = new BufferedOutputStream(OutputStream.nullOutputStream(), 64 * 1024);
        try (var writer = new NdjsonWriter(sink)) {
            return writer.writeAll(new TrafficGenerator(TrafficSettings.ofSeed(42)).records(RECORDS));
        }
    }
}
