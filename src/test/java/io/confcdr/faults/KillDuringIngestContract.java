package io.confcdr.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * confcdr killed with SIGKILL at random moments while several clients ingest batches, and started again
 * on the same store each time. Afterwards every batch a client saw acknowledged is stored, each record
 * once, and every other batch (refused, cut off mid-request, never answered) is stored whole or not at all.
 * The seed of the random moments and batch sizes is printed; {@code -Dconfcdr.faults.seed=N} replays one.
 */
abstract class KillDuringIngestContract {

    static final int CLIENTS = 4;
    static final int KILLS = Integer.getInteger("confcdr.faults.kills", 2);

    @TempDir
    Path dir;

    /** Seeds a fresh store (a partner and tokens) and returns a server over it, not started. */
    protected abstract ChildServer serverOverFreshStore(Path dir, Path log, TenantHolder seeded);

    /** The tenant the store was seeded with. */
    static final class TenantHolder {
        Tenant tenant;
    }

    @Test
    void everyAcknowledgedBatchIsStoredExactlyOnceAndNoBatchIsHalfStored() throws InterruptedException {
        long seed = Seeds.next();
        var holder = new TenantHolder();
        try (ChildServer server = serverOverFreshStore(dir, Seeds.log(getClass()), holder).start()) {
            var client = new FaultClient(server, holder.tenant);
            var random = new Random(seed);
            List<Integer> acknowledgedBeforeKill = new ArrayList<>();
            List<Long> startMillis = new ArrayList<>(List.of(server.lastStartMillis()));
            IngestLoad load = new IngestLoad(java.util.Collections.nCopies(CLIENTS, client), seed, 40);
            try (load) {
                for (int kill = 0; kill < KILLS; kill++) {
                    // Measured in progress, not time: on a loaded machine a fresh JVM may ingest nothing for seconds.
                    Progress.await(load::acknowledgedBatches, load.acknowledgedBatches() + 3 + random.nextInt(20), server);
                    ChildServer.sleep(random.nextInt(100));
                    acknowledgedBeforeKill.add(load.acknowledgedBatches());
                    server.kill();
                    ChildServer.sleep(random.nextInt(300));
                    server.restart();
                    startMillis.add(server.lastStartMillis());
                }
                Progress.await(load::acknowledgedBatches, load.acknowledgedBatches() + 5, server);
            }
            Map<String, List<String>> sent = new java.util.HashMap<>();
            load.sent.forEach((batch, records) -> sent.put(batch, records.stream().map(Cdr::callSid).toList()));
            Set<String> acknowledged = load.acknowledged;

            List<String> stored = client.listAll(null);
            Set<String> storedSet = new HashSet<>(stored);
            int half = 0;
            int unacknowledgedButStored = 0;
            List<String> problems = new ArrayList<>();
            for (var batch : sent.entrySet()) {
                long present = batch.getValue().stream().filter(storedSet::contains).count();
                if (acknowledged.contains(batch.getKey()) && present != batch.getValue().size()) {
                    problems.add("acknowledged batch " + batch.getKey() + " has " + present + " of " + batch.getValue().size() + " records");
                } else if (present != 0 && present != batch.getValue().size()) {
                    half++;
                    problems.add("unacknowledged batch " + batch.getKey() + " is half stored: " + present + " of " + batch.getValue().size());
                } else if (!acknowledged.contains(batch.getKey()) && present > 0) {
                    unacknowledgedButStored++;
                }
            }
            System.out.printf("%s seed=%d batches=%d acknowledged=%d (before each kill: %s) unacknowledged-but-stored=%d records=%d starts(ms)=%s ingest outcomes=%s%n",
                    getClass().getSimpleName(), seed, sent.size(), acknowledged.size(), acknowledgedBeforeKill,
                    unacknowledgedButStored, stored.size(), startMillis, client.outcomes());
            assertThat(acknowledged).as("seed %d: batches acknowledged", seed).isNotEmpty();
            assertThat(stored).as("seed %d: each record stored once", seed).doesNotHaveDuplicates();
            assertThat(problems).as("seed %d (%d half-stored)", seed, half).isEmpty();
            assertThat(storedSet).as("seed %d: nothing stored that was not sent", seed)
                    .isSubsetOf(sent.values().stream().flatMap(List::stream).toList());
        }
    }
}
