package io.confcdr.faults;

import io.confcdr.model.Cdr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Client threads posting batches until stopped, each through its own {@link FaultClient}; records what
 * was sent and which batches were acknowledged. Records alternate between inbound and outbound, so a
 * subscription filtered on direction has records it must get and records it must never get.
 */
final class IngestLoad implements AutoCloseable {

    final Map<String, List<Cdr>> sent = new ConcurrentHashMap<>();
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts one thread per client; batch sizes from {@code seed}. */
    IngestLoad(List<FaultClient> clients, long seed, int maxBatch) {
        for (int c = 0; c < clients.size(); c++) {
            int clientNo = c;
            FaultClient client = clients.get(c);
            threads.add(Thread.ofPlatform().name("ingest-" + c).start(() -> {
                var random = new Random(seed + clientNo);
                for (int n = 0; !stop.get(); n++) {
                    String batchId = "k" + clientNo + "-" + n;
                    List<Cdr> batch = new ArrayList<>();
                    int size = 1 + random.nextInt(maxBatch);
                    for (int i = 0; i < size; i++) {
                        batch.add(FaultClient.record(batchId + "-" + i, random.nextBoolean() ? "inbound" : "outbound"));
                    }
                    sent.put(batchId, batch);
                    if (client.ingest(batch)) {
                        acknowledged.add(batchId);
                    } else {
                        ChildServer.sleep(50);
                    }
                }
            }));
        }
    }

    int acknowledgedBatches() {
        return acknowledged.size();
    }

    /** The records of acknowledged batches. */
    List<Cdr> acknowledgedRecords() {
        return acknowledged.stream().flatMap(batch -> sent.get(batch).stream()).toList();
    }

    List<Cdr> sentRecords() {
        return sent.values().stream().flatMap(List::stream).toList();
    }

    /** Stops the clients and waits for their last requests to end. */
    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
