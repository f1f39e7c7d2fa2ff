package io.confcdr.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Partner;
import io.confcdr.store.InsertResult;
import io.confcdr.store.Page;
import io.confcdr.store.Storage;
import io.confcdr.store.memory.ReferenceEvaluator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query contract every store must keep: for random datasets, filters (typed and written as text),
 * orders, visibilities, windows and cursors, {@code list} answers exactly what the
 * {@link ReferenceEvaluator} answers, and walking the pages with {@code after} (or back with
 * {@code before}) yields every matching record once, in order.
 *
 * <p>A subclass supplies an empty {@link Storage}; it is opened once per class. Each seed works in its
 * own partner tree, so the seeds cannot see each other's records. Records are compared by call_sid:
 * date_insert is set by each store and is never filtered or ordered on here. A failure names its seed;
 * rerun that one case to replay it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryPropertyContract {

    private static final int SEEDS = 50;
    private static final int PAGE_CHECKS_PER_SEED = 30;
    private static final int WALKS_PER_SEED = 3;
    /** Offsets that keep each test's random stream (and so its call_sids) apart from the others'. */
    private static final long FIND_STREAM = 1L << 40;
    private static final long WALK_STREAM = 2L << 40;

    private Storage storage;

    /** An empty storage; it is closed after the last seed. */
    protected abstract Storage openStorage();

    @BeforeAll
    void open() {
        storage = openStorage();
    }

    @AfterAll
    void close() {
        storage.close();
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, SEEDS).map(n -> n * 7919).boxed();
    }

    /** One seed's world: its partner tree and its records as stored, in insertion order. */
    private record Dataset(List<String> partners, List<Cdr> stored) {
    }

    /**
     * Inserts one world: a partner tree named after {@code world} and random records. Each test uses its
     * own world name and random stream, so that all of them can share one storage.
     */
    private Dataset insertDataset(String world, long seed, Random random) {
        String root = "partner-" + world + "-root";
        List<Partner> tree = List.of(
                new Partner(root, "Acme " + seed, null, Partner.ACTIVE, Instant.parse("2024-01-01T00:00:00Z")),
                new Partner("partner-" + world + "-a", "Acme East", root, Partner.ACTIVE, Instant.parse("2024-01-02T00:00:00Z")),
                new Partner("partner-" + world + "-b", "Acme West", root, Partner.ACTIVE, Instant.parse("2024-01-02T00:00:00Z")),
                new Partner("partner-" + world + "-a1", "Acme East Resale", "partner-" + world + "-a", Partner.ACTIVE,
                        Instant.parse("2024-01-03T00:00:00Z")),
                new Partner("partner-" + world + "-quiet", "Acme Quiet", root, Partner.ACTIVE, Instant.parse("2024-01-03T00:00:00Z")));
        tree.forEach(storage.partners()::create);
        List<String> partners = tree.stream().map(Partner::sid).toList();
        // The quiet partner never gets records: visibilities including only it see nothing.
        var generator = new RandomCdrs(random, partners.subList(0, 4));
        List<Cdr> records = generator.records(10 + random.nextInt(50));
        List<Cdr> stored = new ArrayList<>();
        for (int from = 0; from < records.size(); ) {
            int to = Math.min(records.size(), from + 1 + random.nextInt(15));
            for (InsertResult result : storage.cdrs().insert(records.subList(from, to))) {
                assertThat(result).as("seed %d: a new record is stored", seed).isInstanceOf(InsertResult.Stored.class);
                stored.add(((InsertResult.Stored) result).stored());
            }
            from = to;
        }
        return new Dataset(partners, stored);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void listAnswersWhatTheReferenceAnswers(long seed) {
        var random = new Random(seed);
        Dataset data = insertDataset("list-" + seed, seed, random);
        var filters = new RandomFilters(random, data.stored());
        for (int check = 0; check < PAGE_CHECKS_PER_SEED; check++) {
            Visibility visibility = visibility(random, data);
            Filter filter = filter(random, filters, seed);
            Order order = order(random);
            int limit = 1 + random.nextInt(random.nextBoolean() ? 5 : 70);
            Cursor cursor = order instanceof Order.Shuffle || random.nextInt(3) == 0 ? null : cursor(random, data, visibility);
            int offset = cursor != null || random.nextBoolean() ? 0 : random.nextInt(data.stored().size() + 3);
            var query = new CdrQuery(filter, order, limit, offset, cursor, random.nextBoolean());
            Page expected = ReferenceEvaluator.page(data.stored(), query, visibility);
            Page actual = storage.cdrs().list(query, visibility);
            String context = "seed %d, check %d: %s visible to %s".formatted(seed, check, query, visibility.partnerSids());
            if (order instanceof Order.Shuffle) {
                assertShuffledPage(context, data, query, visibility, expected, actual);
            } else {
                assertThat(sids(actual)).as(context).isEqualTo(sids(expected));
                assertThat(withoutDateInsert(actual)).as("records read back as stored, " + context).isEqualTo(withoutDateInsert(expected));
            }
            assertThat(actual.hasNext()).as("hasNext, " + context).isEqualTo(expected.hasNext());
            assertThat(actual.hasPrevious()).as("hasPrevious, " + context).isEqualTo(expected.hasPrevious());
            assertThat(actual.total()).as("total, " + context).isEqualTo(expected.total());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void findReturnsAVisibleRecordAsStoredAndNothingElse(long seed) {
        var random = new Random(FIND_STREAM + seed);
        Dataset data = insertDataset("find-" + seed, seed, random);
        for (int check = 0; check < 10; check++) {
            Visibility visibility = visibility(random, data);
            Cdr record = data.stored().get(random.nextInt(data.stored().size()));
            var found = storage.cdrs().find(record.callSid(), visibility).map(cdr -> cdr.withDateInsert(null));
            String context = "seed %d: %s visible to %s".formatted(seed, record.callSid(), visibility.partnerSids());
            if (visibility.allows(record.partnerSid())) {
                assertThat(found).as(context).contains(record.withDateInsert(null));
            } else {
                assertThat(found).as(context).isEmpty();
            }
        }
        assertThat(storage.cdrs().find("no-such-call-" + seed, new Visibility(Set.copyOf(data.partners())))).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void walkingPagesForwardAndBackYieldsEveryMatchingRecordOnce(long seed) {
        var random = new Random(WALK_STREAM + seed);
        Dataset data = insertDataset("walk-" + seed, seed, random);
        var filters = new RandomFilters(random, data.stored());
        for (int walk = 0; walk < WALKS_PER_SEED; walk++) {
            Visibility visibility = visibility(random, data);
            Filter filter = filter(random, filters, seed);
            Order order = random.nextInt(4) == 0 ? Order.INSERTION : byField(random);
            int limit = 1 + random.nextInt(8);
            String context = "seed %d, walk %d: %s, %s, limit %d, visible to %s"
                    .formatted(seed, walk, filter, order, limit, visibility.partnerSids());
            List<String> all = sids(ReferenceEvaluator.page(data.stored(), new CdrQuery(filter, order, CdrQuery.MAX_LIMIT, 0, null, false), visibility));

            List<String> forward = new ArrayList<>();
            Page page = storage.cdrs().list(new CdrQuery(filter, order, limit, 0, null, false), visibility);
            forward.addAll(sids(page));
            while (page.hasNext()) {
                page = storage.cdrs().list(new CdrQuery(filter, order, limit, 0, Cursor.after(page.items().getLast().callSid()), false), visibility);
                assertThat(page.items()).as("a page with a next link is followed by records, " + context).isNotEmpty();
                forward.addAll(sids(page));
            }
            assertThat(forward).as("forward, " + context).isEqualTo(all);

            List<String> backward = new ArrayList<>();
            List<String> current = sids(page);
            backward.addAll(current.reversed());
            while (page.hasPrevious()) {
                page = storage.cdrs().list(new CdrQuery(filter, order, limit, 0, Cursor.before(page.items().getFirst().callSid()), false), visibility);
                assertThat(page.items()).as("a page with a previous link is preceded by records, " + context).isNotEmpty();
                backward.addAll(sids(page).reversed());
            }
            assertThat(backward.reversed()).as("backward, " + context).isEqualTo(all);
        }
    }

    private void assertShuffledPage(String context, Dataset data, CdrQuery query, Visibility visibility, Page expected, Page actual) {
        var everything = new CdrQuery(query.filter(), Order.INSERTION, CdrQuery.MAX_LIMIT, 0, null, false);
        Set<String> matching = new HashSet<>(sids(ReferenceEvaluator.page(data.stored(), everything, visibility)));
        assertThat(sids(actual)).as(context).hasSameSizeAs(sids(expected)).doesNotHaveDuplicates();
        assertThat(matching).as(context).containsAll(sids(actual));
    }

    /** Half the time the filter is typed; otherwise it is written out and read back by the parser. */
    private static Filter filter(Random random, RandomFilters filters, long seed) {
        Filter filter = filters.filter();
        if (random.nextBoolean()) {
            return filter;
        }
        String text = filters.text(filter);
        Filter parsed = FilterParser.parse(text);
        assertThat(parsed).as("seed %d: the parser reads back %s", seed, text).isEqualTo(filter);
        return parsed;
    }

    private static Visibility visibility(Random random, Dataset data) {
        List<String> partners = new ArrayList<>(data.partners());
        Collections.shuffle(partners, random);
        return new Visibility(Set.copyOf(partners.subList(0, 1 + random.nextInt(partners.size()))));
    }

    private static Order order(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> Order.INSERTION;
            case 1 -> new Order.Shuffle();
            default -> byField(random);
        };
    }

    private static Order.ByField byField(Random random) {
        List<CdrField> fields = RandomFilters.comparableFields();
        return new Order.ByField(fields.get(random.nextInt(fields.size())), random.nextBoolean());
    }

    /** A cursor on a visible record, which may or may not match the filter; null when nothing is visible. */
    private static Cursor cursor(Random random, Dataset data, Visibility visibility) {
        List<Cdr> visible = data.stored().stream().filter(cdr -> visibility.allows(cdr.partnerSid())).toList();
        if (visible.isEmpty()) {
            return null;
        }
        String sid = visible.get(random.nextInt(visible.size())).callSid();
        return random.nextBoolean() ? Cursor.after(sid) : Cursor.before(sid);
    }

    private static List<Cdr> withoutDateInsert(Page page) {
        return page.items().stream().map(cdr -> cdr.withDateInsert(null)).toList();
    }

    private static List<String> sids(Page page) {
        return page.items().stream().map(Cdr::callSid).toList();
    }
}
