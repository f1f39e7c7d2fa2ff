package io.confcdr.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscription delivering to a real receiver while clients ingest, and confcdr killed with SIGKILL at
 * random moments and started again on the same store. Every acknowledged record the subscription's filter
 * matches reaches the receiver at least once, signed with its secret, in order of first arrival equal to
 * the insertion order; no record the filter does not match is ever sent. The seed is printed.
 */
abstract class KillDuringDeliveryContract {

    static final String FILTER = "direction eq outbound";
    static final int KILLS = Integer.getInteger("confcdr.faults.kills", 2);

    @TempDir
    Path dir;

    /** Seeds a fresh store and returns a server over it (not started) that may post to 127.0.0.1. */
    protected abstract ChildServer serverOverFreshStore(Path dir, Path log, KillDuringIngestContract.TenantHolder seeded);

    @Test
    void everyAcknowledgedMatchingRecordArrivesInInsertionOrderAndNoOtherDoes() throws InterruptedException {
        long seed = Seeds.next();
        var holder = new KillDuringIngestContract.TenantHolder();
        try (SigningReceiver receiver = new SigningReceiver(5);
             ChildServer server = serverOverFreshStore(dir, Seeds.log(getClass()), holder).start()) {
            var client = new FaultClient(server, holder.tenant);
            var subscription = client.subscribe(receiver.url(), FILTER, 7);
            receiver.expect(subscription.sid(), subscription.secret());
            var random = new Random(seed);
            IngestLoad load = new IngestLoad(List.of(client, client, client), seed, 15);
            try (load) {
                for (int kill = 0; kill < KILLS; kill++) {
                    int deliveries = receiver.deliveries().size();
                    Progress.await(load::acknowledgedBatches, load.acknowledgedBatches() + 3 + random.nextInt(15), server);
                    Progress.await(() -> receiver.deliveries().size(), deliveries + 1 + random.nextInt(3), server);
                    ChildServer.sleep(random.nextInt(50));
                    server.kill();
                    server.restart();
                }
                Progress.await(load::acknowledgedBatches, load.acknowledgedBatches() + 5, server);
            }

            List<String> matching = client.listAll(FILTER);
            Progress.await(() -> receiver.firstArrivals(subscription.sid()).size(), matching.size(), server);

            Set<String> sentOutbound = new HashSet<>();
            Set<String> sentInbound = new HashSet<>();
            for (Cdr cdr : load.sentRecords()) {
                (cdr.direction().equals("outbound") ? sentOutbound : sentInbound).add(cdr.callSid());
            }
            List<String> acknowledgedMatching = load.acknowledgedRecords().stream()
                    .filter(cdr -> cdr.direction().equals("outbound")).map(Cdr::callSid).toList();
            List<String> arrived = receiver.firstArrivals(subscription.sid());
            System.out.printf("%s seed=%d acknowledged batches=%d matching stored=%d deliveries=%d arrived=%d%n",
                    getClass().getSimpleName(), seed, load.acknowledgedBatches(), matching.size(), receiver.deliveries().size(), arrived.size());

            assertThat(receiver.deliveries()).as("seed %d: every delivery is signed with the subscription's secret", seed)
                    .allMatch(SigningReceiver.Delivery::verified);
            assertThat(arrived).as("seed %d: no record the filter does not match", seed).doesNotContainAnyElementsOf(sentInbound)
                    .allMatch(sentOutbound::contains);
            assertThat(arrived).as("seed %d: every acknowledged matching record", seed).containsAll(acknowledgedMatching);
            assertThat(arrived).as("seed %d: in insertion order, the order the list route gives", seed).containsExactlyElementsOf(matching);
        }
    }
}
