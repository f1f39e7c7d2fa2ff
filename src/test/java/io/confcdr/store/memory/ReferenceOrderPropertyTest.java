package io.confcdr.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Seconds;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.RandomCdrs;
import io.confcdr.query.RandomFilters;
import io.confcdr.query.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference's orders against definitions written independently of it: UTF-8 byte order for text,
 * epoch milliseconds for dates, microseconds for durations; nulls first; ties in insertion order; and
 * descending exactly the reverse of ascending.
 */
class ReferenceOrderPropertyTest {

    private static final List<String> PARTNERS = List.of("partner-east", "partner-west");
    private static final Visibility ALL = new Visibility(java.util.Set.copyOf(PARTNERS));

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 50).boxed();
    }

    private static List<Cdr> sorted(List<Cdr> all, Order order) {
        return ReferenceEvaluator.page(all, new CdrQuery(Filter.ALL, order, CdrQuery.MAX_LIMIT, 0, null, false), ALL).items();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ascendingOrderIsByValueNullsFirstThenInsertion(long seed) {
        var random = new Random(seed);
        List<Cdr> all = new RandomCdrs(random, PARTNERS).records(80);
        for (CdrField field : RandomFilters.comparableFields()) {
            List<Cdr> ascending = sorted(all, new Order.ByField(field, false));
            assertThat(ascending).hasSameSizeAs(all);
            for (int i = 1; i < ascending.size(); i++) {
                Cdr x = ascending.get(i - 1);
                Cdr y = ascending.get(i);
                int byValue = independentCompare(field.get(x), field.get(y));
                assertThat(byValue < 0 || (byValue == 0 && all.indexOf(x) < all.indexOf(y)))
                        .as("seed %d, %s: %s then %s", seed, field.wireName(), field.get(x), field.get(y)).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void descendingOrderIsTheExactReverseOfAscending(long seed) {
        var random = new Random(seed);
        List<Cdr> all = new RandomCdrs(random, PARTNERS).records(60);
        for (CdrField field : RandomFilters.comparableFields()) {
            List<Cdr> ascending = sorted(all, new Order.ByField(field, false));
            assertThat(sorted(all, new Order.ByField(field, true))).as("seed %d, %s", seed, field.wireName())
                    .containsExactlyElementsOf(ascending.reversed());
        }
    }

    private static int independentCompare(Object a, Object b) {
        if (a == null || b == null) {
            return Boolean.compare(a != null, b != null);
        }
        return switch (a) {
            case String text -> Integer.signum(Arrays.compareUnsigned(
                    text.getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(StandardCharsets.UTF_8)));
            case Instant instant -> Long.compare(instant.toEpochMilli(), ((Instant) b).toEpochMilli());
            case Seconds seconds -> Long.compare(seconds.micros(), ((Seconds) b).micros());
            case Integer number -> Integer.compare(number, (Integer) b);
            default -> throw new IllegalArgumentException(a.getClass().toString());
        };
    }
}
