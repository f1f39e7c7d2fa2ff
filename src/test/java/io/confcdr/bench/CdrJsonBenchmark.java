package io.confcdr.bench;

import io.confcdr.generate.NdjsonWriter;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.model.Cdr;
import io.confcdr.model.EncodedCdr;
import io.confcdr.model.EncodedCdrJson;
import io.confcdr.model.FieldSelection;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of writing one record as CarrierX JSON (what every list page and export pays per record),
 * next to its floor: copying the same record's bytes, already serialised, to the same stream. The
 * difference is what serialisation itself costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CdrJsonBenchmark {

    private static final int RECORDS = 1024;

    private Cdr[] records;
    private EncodedCdr[] encoded;
    private EncodedCdrJson encodedWriter;
    private byte[][] serialised;
    private OutputStream sink;
    private NdjsonWriter writer;
    private int next;

    @Setup(Level.Trial)
    public void generate() {
        records = new TrafficGenerator(TrafficSettings.ofSeed(42)).stream(RECORDS).toArray(Cdr[]::new);
        serialised = new byte[RECORDS][];
        for (int i = 0; i < RECORDS; i++) {
            var line = new ByteArrayOutputStream();
            try (var single = new NdjsonWriter(line)) {
                single.write(records[i]);
            }
            serialised[i] = line.toByteArray();
        }
        sink = new BufferedOutputStream(OutputStream.nullOutputStream(), 64 * 1024);
        writer = new NdjsonWriter(sink);
        encoded = new EncodedCdr[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            encoded[i] = EncodedCdr.of(records[i]);
        }
        encodedWriter = new EncodedCdrJson(sink, FieldSelection.ALL);
    }

    @TearDown(Level.Trial)
    public void close() {
        writer.close();
    }

    @Benchmark
    public void serialiseRecord() {
        writer.write(records[next++ & (RECORDS - 1)]);
    }

    /** The export's path: the record as a scan hands it on (text as UTF-8 bytes), written without Jackson. */
    @Benchmark
    public void serialiseEncodedRecord() {
        encodedWriter.write(encoded[next++ & (RECORDS - 1)]);
        encodedWriter.writeByte((byte) '\n');
    }

    @Benchmark
    public void copyPreSerialisedRecord() throws IOException {
        sink.write(serialised[next++ & (RECORDS - 1)]);
    }
}
