package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Seconds;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Orders and cursors on every kind of attribute, checked against the order the semantics define:
 * ascending with nulls first (text by code point, numbers numerically, dates as instants), descending
 * its exact reverse, ties broken by insertion order. Records are generated from a seeded
 * {@link Random} with many ties and nulls; the seed is in every assertion message.
 */
public abstract class CdrOrderContract extends StorageContract {

    private static final List<String> NAMES = java.util.Arrays.asList(null, "a", "B", "😀", "\uFFFD", "é", "a");
    private static final List<String> ROLES = java.util.Arrays.asList(null, "host", "listener", "participant");
    private static final List<Integer> CAUSES = java.util.Arrays.asList(null, 16, 17, 1, 16);
    private static final List<String> DURATIONS = List.of("0.5", "4.25", "4.250001", "50", "4.25");

    static Stream<Arguments> orders() {
        return Stream.of(CdrField.CUSTOM_NAME, CdrField.ROLE, CdrField.CALL_SID, CdrField.DATE_JOIN,
                        CdrField.DATE_STOP, CdrField.DATE_INSERT, CdrField.DURATION, CdrField.DISCONNECT_CAUSE)
                .flatMap(field -> Stream.of(Arguments.of(field, false), Arguments.of(field, true)));
    }

    @ParameterizedTest(name = "{0} descending={1}")
    @MethodSource("orders")
    void listingFollowsTheReferenceOrder(CdrField field, boolean descending) {
        long seed = field.ordinal() * 2L + (descending ? 1 : 0);
        var records = new TestRecords();
        List<Cdr> stored = insertRandom(records, new Random(seed), 40);
        Order order = new Order.ByField(field, descending);

        Page page = storage.cdrs().list(new CdrQuery(Filter.ALL, order, 1000, 0, null, false),
                Visibility.of(records.partnerSid()));

        assertThat(sids(page.items())).as("seed %d", seed).containsExactlyElementsOf(expected(stored, field, descending));
    }

    @ParameterizedTest(name = "{0} descending={1}")
    @MethodSource("orders")
    void afterCursorsWalkTheReferenceOrderWithoutOverlapOrGap(CdrField field, boolean descending) {
        long seed = 100 + field.ordinal() * 2L + (descending ? 1 : 0);
        var records = new TestRecords();
        List<Cdr> stored = insertRandom(records, new Random(seed), 40);
        Order order = new Order.ByField(field, descending);

        List<String> seen = new ArrayList<>();
        Cursor cursor = null;
        do {
            Page page = storage.cdrs().list(new CdrQuery(Filter.ALL, order, 7, 0, cursor, false),
                    Visibility.of(records.partnerSid()));
            assertThat(page.hasPrevious()).as("seed %d", seed).isEqualTo(cursor != null);
            seen.addAll(sids(page.items()));
            cursor = page.hasNext() ? Cursor.after(page.items().getLast().callSid()) : null;
        } while (cursor != null);

        assertThat(seen).as("seed %d", seed).containsExactlyElementsOf(expected(stored, field, descending));
    }

    @ParameterizedTest(name = "{0} descending={1}")
    @MethodSource("orders")
    void beforeCursorsWalkBackToTheFirstRecord(CdrField field, boolean descending) {
        long seed = 200 + field.ordinal() * 2L + (descending ? 1 : 0);
        var records = new TestRecords();
        List<Cdr> stored = insertRandom(records, new Random(seed), 40);
        Order order = new Order.ByField(field, descending);
        List<String> expected = expected(stored, field, descending);

        List<String> seen = new ArrayList<>();
        Cursor cursor = Cursor.before(expected.getLast());
        while (cursor != null) {
            Page page = storage.cdrs().list(new CdrQuery(Filter.ALL, order, 7, 0, cursor, false),
                    Visibility.of(records.partnerSid()));
            assertThat(page.hasNext()).as("seed %d", seed).isTrue();
            seen.addAll(0, sids(page.items()));
            cursor = page.hasPrevious() ? Cursor.before(page.items().getFirst().callSid()) : null;
        }

        assertThat(seen).as("seed %d", seed).containsExactlyElementsOf(expected.subList(0, expected.size() - 1));
    }

    private List<Cdr> insertRandom(TestRecords records, Random random, int count) {
        List<Cdr> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Cdr base = records.call("c" + (char) ('a' + random.nextInt(26)) + i).build();
            batch.add(base.toBuilder()
                    .customName(pick(random, NAMES))
                    .role(pick(random, ROLES))
                    .disconnectCause(pick(random, CAUSES))
                    .duration(Seconds.parse(pick(random, DURATIONS)))
                    .dateJoin(random.nextInt(4) == 0 ? null : TestRecords.BASE.plusMillis(random.nextInt(3)))
                    .dateStop(TestRecords.BASE.plusSeconds(100 + random.nextInt(4)))
                    .build());
        }
        List<Cdr> stored = new ArrayList<>();
        for (InsertResult result : storage.cdrs().insert(batch)) {
            stored.add(((InsertResult.Stored) result).stored());
        }
        return stored;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The semantics' order over records given in insertion order. */
    private static List<String> expected(List<Cdr> inserted, CdrField field, boolean descending) {
        Comparator<Integer> ascending = Comparator.<Integer, Object>comparing(i -> field.get(inserted.get(i)),
                CdrOrderContract::compareNullsFirst).thenComparing(Comparator.naturalOrder());
        Comparator<Integer> order = descending ? ascending.reversed() : ascending;
        return IntStream.range(0, inserted.size()).boxed().sorted(order).map(i -> inserted.get(i).callSid()).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareNullsFirst(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof String left && b instanceof String right) {
            return compareCodePoints(left, right);
        }
        return ((Comparable) a).compareTo(b);
    }

    private static int compareCodePoints(String a, String b) {
        int[] left = a.codePoints().toArray();
        int[] right = b.codePoints().toArray();
        return java.util.Arrays.compare(left, right);
    }

    private static List<String> sids(List<Cdr> items) {
        return items.stream().map(Cdr::callSid).toList();
    }
}
