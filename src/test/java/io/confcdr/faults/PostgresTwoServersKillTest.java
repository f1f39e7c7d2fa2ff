package io.confcdr.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.store.sql.PostgresTestDatabase;
import io.confcdr.store.sql.SqlStorageFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two {@code serve} processes on one PostgreSQL, several subscriptions, clients ingesting through both;
 * one process is killed with SIGKILL at a random moment. "No delivery in flight twice" is checked as:
 * <ol>
 * <li>the receiver never holds two deliveries of one subscription at the same time;</li>
 * <li>two different delivery_sids of one subscription never carry the same record;</li>
 * <li>a delivery_sid arrives again only with the same items, and only as the redelivery of the one delivery
 *     that was in flight when the process was killed (its first arrival before the kill, the repeat after).</li>
 * </ol>
 * The survivor takes every subscription over: records ingested after the kill all arrive, within the lease
 * (5 s here; 25 s by default) plus a poll, well within the 30 s promised. The seed is printed.
 */
class PostgresTwoServersKillTest {

    static final List<String> FILTERS = List.of("direction eq outbound", "direction eq inbound", "call_sid like \"k1-%\"");

    @Test
    void noDeliveryIsInFlightTwiceAndTheSurvivorTakesOver() throws InterruptedException {
        long seed = Seeds.next();
        var random = new Random(seed);
        String url = PostgresTestDatabase.freshSchemaUrl(getClass());
        Tenant tenant = Tenant.seed(SqlStorageFactory.open(null, url));
        try (SigningReceiver receiver = new SigningReceiver(20);
             ChildServer first = ChildServer.onPostgres(url, Seeds.log(getClass()), "--allow-private-webhooks", "--webhook-lease", "5").start();
             ChildServer second = ChildServer.onPostgres(url, Seeds.log(getClass()), "--allow-private-webhooks", "--webhook-lease", "5").start()) {
            var viaFirst = new FaultClient(first, tenant);
            var viaSecond = new FaultClient(second, tenant);
            Map<String, String> filterOf = new HashMap<>();
            for (int i = 0; i < FILTERS.size(); i++) {
                // Half of them created through each process: neither is the natural holder.
                var subscription = (i % 2 == 0 ? viaFirst : viaSecond).subscribe(receiver.url(), FILTERS.get(i), 5);
                receiver.expect(subscription.sid(), subscription.secret());
                filterOf.put(subscription.sid(), FILTERS.get(i));
            }
            boolean killFirst = random.nextBoolean();
            ChildServer victim = killFirst ? first : second;
            ChildServer survivor = killFirst ? second : first;
            FaultClient viaSurvivor = killFirst ? viaSecond : viaFirst;

            long killedAt;
            long caughtUpAt;
            IngestLoad load = new IngestLoad(List.of(viaFirst, viaSecond, viaFirst, viaSecond), seed, 10);
            try (load) {
                Progress.await(() -> receiver.deliveries().size(), 10 + random.nextInt(20), survivor);
                ChildServer.sleep(random.nextInt(50));
                killedAt = System.nanoTime();
                victim.kill();
                Progress.await(load::acknowledgedBatches, load.acknowledgedBatches() + 10, survivor);
            }
            Map<String, List<String>> expected = new HashMap<>();
            for (var entry : filterOf.entrySet()) {
                expected.put(entry.getKey(), viaSurvivor.listAll(entry.getValue()));
            }
            long deadline = killedAt + Duration.ofSeconds(30).toNanos();
            while (!expected.entrySet().stream().allMatch(e -> receiver.firstArrivals(e.getKey()).size() >= e.getValue().size())
                    && System.nanoTime() < deadline) {
                ChildServer.sleep(20);
            }
            caughtUpAt = System.nanoTime();
            System.out.printf("%s seed=%d killed=%s acknowledged batches=%d deliveries=%d caught up %d ms after the kill%n",
                    getClass().getSimpleName(), seed, killFirst ? "first" : "second", load.acknowledgedBatches(),
                    receiver.deliveries().size(), (caughtUpAt - killedAt) / 1_000_000);

            for (var entry : expected.entrySet()) {
                assertThat(receiver.firstArrivals(entry.getKey())).as("seed %d: %s, every record in insertion order, within 30 s of the kill",
                        seed, filterOf.get(entry.getKey())).containsExactlyElementsOf(entry.getValue());
            }
            assertThat(receiver.deliveries()).as("seed %d: signed", seed).allMatch(SigningReceiver.Delivery::verified);
            assertThat(receiver.overlaps()).as("seed %d: two deliveries of one subscription at once", seed).isEmpty();
            assertThat(repeatsBeyondTheKill(receiver.deliveries(), killedAt)).as("seed %d", seed).isEmpty();
        }
    }

    /** Breaches of rules 2 and 3 of the class comment. */
    static List<String> repeatsBeyondTheKill(List<SigningReceiver.Delivery> deliveries, long killedAt) {
        List<String> problems = new ArrayList<>();
        Map<String, SigningReceiver.Delivery> firstOfDelivery = new HashMap<>();
        Map<String, String> deliveryOfRecord = new HashMap<>();
        Map<String, Integer> redeliveries = new HashMap<>();
        for (SigningReceiver.Delivery delivery : deliveries) {
            SigningReceiver.Delivery first = firstOfDelivery.putIfAbsent(delivery.deliverySid(), delivery);
            if (first != null) {
                if (!first.callSids().equals(delivery.callSids())) {
                    problems.add(delivery.deliverySid() + " sent again with other items");
                }
                if (!(first.receivedNanos() < killedAt && delivery.receivedNanos() > killedAt)) {
                    problems.add(delivery.deliverySid() + " sent twice without a kill in between");
                }
                if (redeliveries.merge(delivery.subscriptionSid(), 1, Integer::sum) > 1) {
                    problems.add(delivery.subscriptionSid() + " had more than the delivery in flight at the kill sent again");
                }
                continue;
            }
            for (String sid : delivery.callSids()) {
                String other = deliveryOfRecord.putIfAbsent(delivery.subscriptionSid() + "/" + sid, delivery.deliverySid());
                if (other != null) {
                    problems.add(sid + " in two deliveries of " + delivery.subscriptionSid() + ": " + other + " and " + delivery.deliverySid());
                }
            }
        }
        return problems;
    }
}
