package io.confcdr.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.admin.AdminResult;
import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.boot.Services;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Cdr;
import io.confcdr.model.Partner;
import io.confcdr.query.Filter;
import io.confcdr.query.FilterParser;
import io.confcdr.query.RandomCdrs;
import io.confcdr.query.RandomFilters;
import io.confcdr.store.Storage;
import io.confcdr.store.memory.ReferenceEvaluator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A subscription never receives a record its partner cannot see, and receives every one it can that
 * matches its filter, in insertion order: random partner trees (depth up to 4, sometimes two roots), random
 * records, subscriptions of random partners with and without {@code app.read_descendant} and random filters,
 * delivered for real to a receiver. The expectation is computed from the tree itself and the reference
 * evaluator, never from the store. Every assertion names its seed.
 */
abstract class PushVisibilityPropertyContract {

    protected abstract Storage newStorage(Clock clock);

    /** Seeds per run: many on the reference store, fewer where each seed opens a database. */
    protected int seeds() {
        return 8;
    }

    @Test
    void everySubscriptionReceivesExactlyTheVisibleMatchingRecordsInOrder() {
        long base = new Random().nextLong();
        for (int i = 0; i < seeds(); i++) {
            runSeed(base + i);
        }
    }

    private void runSeed(long seed) {
        Random random = new Random(seed);
        var clock = new OffsetClock();
        Storage storage = newStorage(clock);
        PushSettings settings = PushSettings.DEFAULT.withAllowPrivateUrls(true).withPoll(Duration.ofMillis(50))
                .withRetry(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofHours(72));
        try (Services services = Services.over(storage, clock, settings); Receiver receiver = new Receiver()) {
            services.startDelivery();
            Map<String, String> parents = tree(random, storage, clock.instant());
            List<String> partnerSids = new ArrayList<>(parents.keySet());
            List<Cdr> records = new RandomCdrs(random, partnerSids).records(30 + random.nextInt(30));
            RandomFilters filters = new RandomFilters(random, records);

            Map<String, Set<String>> visible = new LinkedHashMap<>();
            Map<String, Filter> filterOf = new HashMap<>();
            for (int s = 0; s < 5; s++) {
                String partner = partnerSids.get(random.nextInt(partnerSids.size()));
                boolean descendants = random.nextBoolean();
                String filterText = random.nextInt(3) == 0 ? null : filters.text(filters.filter());
                Caller caller = new Caller.Bearer(new ApiToken("tok-" + s, partner, "t", descendants
                        ? Set.of(Scopes.APP_MANAGE, Scopes.APP_READ_DESCENDANT) : Set.of(Scopes.APP_MANAGE), Instant.EPOCH, null, null, null));
                var created = services.subscriptions().create(caller,
                        new NewSubscription(receiver.url(), filterText, null, null, 1 + random.nextInt(7), "beginning"));
                String sid = ((AdminResult.Done<SubscriptionView>) created).value().subscription().sid();
                visible.put(sid, descendants ? subtree(parents, partner) : Set.of(partner));
                filterOf.put(sid, FilterParser.parse(filterText));
            }
            for (int from = 0; from < records.size(); ) {
                int to = Math.min(records.size(), from + 1 + random.nextInt(15));
                storage.cdrs().insert(records.subList(from, to));
                from = to;
            }

            Map<String, List<String>> expected = new HashMap<>();
            for (String sid : visible.keySet()) {
                expected.put(sid, records.stream()
                        .filter(cdr -> visible.get(sid).contains(cdr.partnerSid()) && ReferenceEvaluator.matches(filterOf.get(sid), cdr))
                        .map(Cdr::callSid).toList());
            }
            receiver.await("seed " + seed + ": every expected record", () -> expected.entrySet().stream()
                    .allMatch(entry -> received(receiver, entry.getKey()).size() >= entry.getValue().size()));
            for (String sid : visible.keySet()) {
                assertThat(received(receiver, sid)).as("seed %d, subscription of %s with filter %s", seed, visible.get(sid), filterOf.get(sid))
                        .containsExactlyElementsOf(expected.get(sid));
            }
        }
    }

    private static List<String> received(Receiver receiver, String subscriptionSid) {
        List<String> sids = new ArrayList<>();
        for (Receiver.Request request : receiver.requests()) {
            if (request.acknowledged() && request.json().get("subscription_sid").stringValue().equals(subscriptionSid)) {
                sids.addAll(request.callSids());
            }
        }
        return sids;
    }

    /** Up to 8 partners; each hangs under an earlier one (depth at most 4) or starts a second root. */
    private static Map<String, String> tree(Random random, Storage storage, Instant now) {
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        int count = 2 + random.nextInt(7);
        for (int i = 0; i < count; i++) {
            String sid = "p" + i + "-" + Long.toHexString(random.nextLong());
            List<String> candidates = parents.keySet().stream().filter(p -> depth.get(p) < 4).toList();
            String parent = i == 0 || candidates.isEmpty() || random.nextInt(6) == 0 ? null : candidates.get(random.nextInt(candidates.size()));
            parents.put(sid, parent);
            depth.put(sid, parent == null ? 1 : depth.get(parent) + 1);
            storage.partners().create(new Partner(sid, sid, parent, Partner.ACTIVE, now));
        }
        return parents;
    }

    private static Set<String> subtree(Map<String, String> parents, String root) {
        Set<String> subtree = new HashSet<>();
        for (String partner : parents.keySet()) {
            for (String p = partner; p != null; p = parents.get(p)) {
                if (p.equals(root)) {
                    subtree.add(partner);
                    break;
                }
            }
        }
        return subtree;
    }
}
