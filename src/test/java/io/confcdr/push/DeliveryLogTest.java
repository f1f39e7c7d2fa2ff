package io.confcdr.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.query.DeliveryCursor;
import io.confcdr.query.DeliveryLogQuery;
import io.confcdr.query.DeliveryLogRequestParser;
import io.confcdr.store.DeliveryAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The delivery log's filter, order and keyset paging against a brute-force oracle: random logs (dates that
 * tie, answers and no answers, retries), a filter from a set with its plain Java meaning, a random order and
 * limit; following {@code after} from the first page, and {@code before} back from the last, visits every
 * matching attempt exactly once in the oracle's order.
 */
class DeliveryLogTest {

    private record Case(String filter, Predicate<DeliveryAttempt> meaning) {
    }

    private static final List<Case> FILTERS = List.of(
            new Case(null, a -> true),
            new Case("acknowledged eq false", a -> !a.acknowledged()),
            new Case("status_code eq null", a -> a.statusCode() == null),
            new Case("status_code ge 500 and attempt gt 1", a -> a.statusCode() != null && a.statusCode() >= 500 && a.attempt() > 1),
            new Case("latency_ms lt 50", a -> a.latencyMillis() < 50),
            new Case("error like '%timed%'", a -> a.error() != null && a.error().contains("timed")),
            new Case("count in (1, 3) and date ge 2024-12-14T10:00:30Z", a -> (a.count() == 1 || a.count() == 3)
                    && !a.date().isBefore(Instant.parse("2024-12-14T10:00:30Z"))));

    private static final Map<String, Function<DeliveryAttempt, Comparable<?>>> KEYS = Map.of(
            "date", DeliveryAttempt::date, "status_code", DeliveryAttempt::statusCode, "latency_ms", DeliveryAttempt::latencyMillis,
            "delivery_sid", DeliveryAttempt::deliverySid, "error", DeliveryAttempt::error, "attempt", DeliveryAttempt::attempt);

    @Test
    void pagesFollowTheOracleInBothDirectionsForRandomLogsFiltersAndOrders() {
        long base = new Random().nextLong();
        for (long seed = base; seed < base + 200; seed++) {
            Random random = new Random(seed);
            List<DeliveryAttempt> newestFirst = log(random).reversed();
            Case filter = FILTERS.get(random.nextInt(FILTERS.size()));
            String key = List.copyOf(KEYS.keySet()).get(random.nextInt(KEYS.size()));
            boolean descending = random.nextBoolean();
            int limit = 1 + random.nextInt(7);
            List<DeliveryAttempt> expected = oracle(newestFirst, filter.meaning(), KEYS.get(key), descending);

            Map<String, List<String>> params = new HashMap<>();
            params.put("order", List.of(key + (descending ? " desc" : " asc")));
            params.put("limit", List.of(Integer.toString(limit)));
            if (filter.filter() != null) {
                params.put("filter", List.of(filter.filter()));
            }
            List<DeliveryAttempt> forward = new ArrayList<>();
            DeliveryLog.Page page = DeliveryLog.page(newestFirst, DeliveryLogRequestParser.parse(params));
            assertThat(page.total()).as("seed %d", seed).isEqualTo(expected.size());
            forward.addAll(page.items());
            while (page.hasNext()) {
                DeliveryAttempt last = page.items().getLast();
                page = DeliveryLog.page(newestFirst, with(params, "after", DeliveryCursor.of(last.deliverySid(), last.attempt())));
                forward.addAll(page.items());
            }
            assertThat(forward).as("seed %d, %s, order %s", seed, filter.filter(), params.get("order")).containsExactlyElementsOf(expected);

            if (expected.isEmpty()) {
                continue;
            }
            List<DeliveryAttempt> backward = new ArrayList<>();
            DeliveryAttempt after = expected.getLast();
            page = DeliveryLog.page(newestFirst, with(params, "before", DeliveryCursor.of(after.deliverySid(), after.attempt())));
            backward.addAll(0, page.items());
            while (page.hasPrevious()) {
                DeliveryAttempt first = page.items().getFirst();
                page = DeliveryLog.page(newestFirst, with(params, "before", DeliveryCursor.of(first.deliverySid(), first.attempt())));
                backward.addAll(0, page.items());
            }
            assertThat(backward).as("seed %d backwards", seed).containsExactlyElementsOf(expected.subList(0, expected.size() - 1));
        }
    }

    private static DeliveryLogQuery with(Map<String, List<String>> params, String name, String value) {
        Map<String, List<String>> next = new HashMap<>(params);
        next.put(name, List.of(value));
        return DeliveryLogRequestParser.parse(next);
    }

    /** Sorted by the key, nulls first, ties by the log's order (oldest first), all reversed for desc; then filtered. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<DeliveryAttempt> oracle(List<DeliveryAttempt> newestFirst, Predicate<DeliveryAttempt> meaning,
            Function<DeliveryAttempt, Comparable<?>> key, boolean descending) {
        List<DeliveryAttempt> oldestFirst = newestFirst.reversed();
        Comparator<DeliveryAttempt> byKey = Comparator.comparing(a -> (Comparable) key.apply(a), Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<DeliveryAttempt> ascending = byKey.thenComparingInt(oldestFirst::indexOf);
        return newestFirst.stream().filter(meaning).sorted(descending ? ascending.reversed() : ascending).toList();
    }

    /** Oldest first: deliveries of 1..4 records, each retried until acknowledged or given up. */
    private static List<DeliveryAttempt> log(Random random) {
        List<DeliveryAttempt> log = new ArrayList<>();
        Instant date = Instant.parse("2024-12-14T10:00:00Z");
        int deliveries = random.nextInt(12);
        for (int d = 0; d < deliveries; d++) {
            String sid = "d" + d + "-" + Integer.toHexString(random.nextInt());
            int count = 1 + random.nextInt(4);
            int attempts = 1 + random.nextInt(3);
            for (int attempt = 1; attempt <= attempts; attempt++) {
                date = date.plusSeconds(random.nextInt(3) * 10L); // ties are common
                boolean last = attempt == attempts && random.nextInt(4) > 0;
                Integer status = last ? Integer.valueOf(204) : random.nextBoolean() ? null : Integer.valueOf(500 + random.nextInt(4));
                String error = last ? null : status == null ? (random.nextBoolean() ? "timed out" : "connection closed") : "the receiver answered " + status;
                log.add(new DeliveryAttempt("s", sid, attempt, date, status, error, random.nextInt(100), count,
                        "c" + d + "a", "c" + d + "z", last));
            }
        }
        return log;
    }
}
