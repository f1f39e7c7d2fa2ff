package io.confcdr.api;

import io.confcdr.boot.Services;
import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The API server alone in a JVM of its own, for measuring what the server holds: {@code sqlite DIR} or
 * {@code postgres JDBC_URL}. Prints {@code listening PORT}, serves until its standard input ends, then
 * prints {@code peak-heap-used BYTES} (the sum of the heap pools' peaks: live data and garbage not yet
 * collected) and {@code max-heap BYTES}, and exits. Started by {@link ChildServer}.
 */
public final class ServerProcess {

    private ServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        Storage storage = args[0].equals("sqlite")
                ? SqlStorageFactory.open(Path.of(args[1]), null, clock)
                : SqlStorageFactory.open(null, args[1], clock);
        var heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        try (var server = ApiServer.start(Services.over(storage, clock),
                new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES).withRateLimit(10_000, 10_000))) {
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            System.out.println("listening " + server.port());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
            System.out.println("peak-heap-used " + heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
            System.out.println("max-heap " + Runtime.getRuntime().maxMemory());
            System.out.flush();
        } finally {
            storage.close();
        }
    }
}
