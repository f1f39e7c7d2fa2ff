package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Seconds;
import io.confcdr.model.Timestamps;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Comparison;
import io.confcdr.query.Condition;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every CDR store does, written once against {@link Storage} and run against each store by
 * subclassing: insert and read back, duplicates and conflicts, visibility, filters, orders and
 * cursors. Orders are covered by {@link CdrOrderContract}.
 */
public abstract class CdrStoreContract extends StorageContract {

    private CdrStore cdrs() {
        return storage.cdrs();
    }

    private static Visibility of(TestRecords records) {
        return Visibility.of(records.partnerSid());
    }

    private List<Cdr> insertAll(Cdr... records) {
        List<Cdr> stored = new ArrayList<>();
        for (InsertResult result : cdrs().insert(List.of(records))) {
            assertThat(result).isInstanceOf(InsertResult.Stored.class);
            stored.add(((InsertResult.Stored) result).stored());
        }
        return stored;
    }

    /** The names of every visible record matching the filter, in insertion order. */
    private List<String> matching(TestRecords records, Condition... conditions) {
        Page page = cdrs().list(new CdrQuery(new Filter(List.of(conditions)), Order.INSERTION, 1000, 0, null, false),
                of(records));
        return page.items().stream().map(records::name).toList();
    }

    // ---- insert and find ---------------------------------------------------------------------

    @Test
    void insertedRecordReadsBackEqualFieldByField() {
        var records = new TestRecords();
        Cdr sent = records.call("tricky")
                .addressSrc("\"O'Brien \\\"the boss\\\"\" <sip:+1555;x=%41_b*?[c]@example.com>;tag=\\x")
                .addressDst("<sip:conf@example.net>")
                .customName("Zoë 😀 Ünïcødé — 会议")
                .disconnectReason("100% done_ [ok] * ? \\ ' \", line\r\nbreak\tand tab")
                .audioKey("")
                .bridge(null)
                .disconnectCause(null)
                .duration(Seconds.parse("4.25015"))
                .build();

        Cdr stored = ((InsertResult.Stored) cdrs().insert(List.of(sent)).getFirst()).stored();

        assertThat(stored).isEqualTo(sent.withDateInsert(Timestamps.truncate(NOW)));
        assertThat(cdrs().find(sent.callSid(), of(records))).contains(stored);
    }

    @Test
    void dateInsertIsTheStoreClockAtMillisecondPrecision() {
        var records = new TestRecords();
        Cdr sent = records.call("a").dateInsert(Instant.parse("2000-01-01T00:00:00Z")).build();

        Cdr stored = insertAll(sent).getFirst();

        assertThat(stored.dateInsert()).isEqualTo(Instant.parse("2025-01-02T03:04:05.678Z"));
        assertThat(cdrs().find(sent.callSid(), of(records)).orElseThrow().dateInsert()).isEqualTo(stored.dateInsert());
    }

    @Test
    void sameCallSidWithIdenticalContentIsADuplicate() {
        var records = new TestRecords();
        Cdr sent = records.call("a").build();
        insertAll(sent);

        List<InsertResult> again = cdrs().insert(List.of(sent.withDateInsert(Instant.parse("2030-01-01T00:00:00Z"))));

        assertThat(again).containsExactly(new InsertResult.Duplicate(sent.callSid()));
    }

    @Test
    void sameCallSidWithDifferentContentIsAConflictAndChangesNothing() {
        var records = new TestRecords();
        Cdr sent = records.call("a").build();
        Cdr stored = insertAll(sent).getFirst();

        List<InsertResult> again = cdrs().insert(List.of(sent.toBuilder().disconnectCause(17).build()));

        assertThat(again).containsExactly(new InsertResult.Conflict(sent.callSid()));
        assertThat(cdrs().find(sent.callSid(), of(records))).contains(stored);
    }

    @Test
    void batchReportsEachRecordInOrder() {
        var records = new TestRecords();
        Cdr first = records.call("first").build();
        Cdr second = records.call("second").build();
        insertAll(first, second);
        Cdr third = records.call("third").build();

        List<InsertResult> results = cdrs().insert(List.of(
                second.toBuilder().role("listener").build(), third, first));

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isEqualTo(new InsertResult.Conflict(second.callSid()));
        assertThat(results.get(1)).isInstanceOf(InsertResult.Stored.class);
        assertThat(results.get(2)).isEqualTo(new InsertResult.Duplicate(first.callSid()));
    }

    @Test
    void concurrentBatchesWithTheSameCallSidStoreItOnce() throws Exception {
        var records = new TestRecords();
        Cdr shared = records.call("shared").build();
        int writers = 6;
        List<List<Cdr>> batches = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            List<Cdr> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(records.call("w" + w + "-" + i).build());
            }
            batch.add(10, shared);
            batches.add(batch);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<InsertResult>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (List<Cdr> batch : batches) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return cdrs().insert(batch);
                }));
            }
            start.countDown();
            List<InsertResult> sharedResults = new ArrayList<>();
            for (Future<List<InsertResult>> future : futures) {
                sharedResults.add(future.get().get(10));
            }
            assertThat(sharedResults).filteredOn(r -> r instanceof InsertResult.Stored).hasSize(1);
            assertThat(sharedResults).filteredOn(r -> r instanceof InsertResult.Duplicate).hasSize(writers - 1);
        }
        assertThat(matching(records)).hasSize(writers * 20 + 1).containsOnlyOnce("shared");
    }

    // ---- visibility --------------------------------------------------------------------------

    @Test
    void recordOfAnotherPartnerIsNotFound() {
        var mine = new TestRecords();
        var theirs = new TestRecords();
        Cdr theirRecord = insertAll(theirs.call("theirs").build()).getFirst();

        assertThat(cdrs().find(theirRecord.callSid(), of(mine))).isEmpty();
        assertThat(cdrs().find(theirRecord.callSid(), Visibility.of(mine.partnerSid(), theirs.partnerSid())))
                .contains(theirRecord);
    }

    @Test
    void listShowsOnlyVisiblePartnersEvenWhenTheFilterNamesAnother() {
        var mine = new TestRecords();
        var theirs = new TestRecords();
        insertAll(mine.call("mine").build(), theirs.call("theirs").build());

        Condition theirPartner = new Condition.Compare(CdrField.PARTNER_SID, Comparison.EQ, theirs.partnerSid());

        assertThat(matching(mine)).containsExactly("mine");
        assertThat(matching(mine, theirPartner)).isEmpty();
    }

    @Test
    void cursorOnAnotherPartnersRecordIsUnknown() {
        var mine = new TestRecords();
        var theirs = new TestRecords();
        insertAll(mine.call("mine").build());
        Cdr theirRecord = insertAll(theirs.call("theirs").build()).getFirst();

        var query = new CdrQuery(Filter.ALL, Order.INSERTION, 10, 0, Cursor.after(theirRecord.callSid()), false);

        assertThatThrownBy(() -> cdrs().list(query, of(mine)))
                .isInstanceOfSatisfying(UnknownCursorException.class, e -> {
                    assertThat(e.cursor().before()).isFalse();
                    assertThat(e.getMessage()).contains(theirRecord.callSid());
                });
    }

    @Test
    void unknownBeforeCursorIsRejectedNamingBefore() {
        var records = new TestRecords();
        var query = new CdrQuery(Filter.ALL, Order.INSERTION, 10, 0, Cursor.before("no-such-call"), false);

        assertThatThrownBy(() -> cdrs().list(query, of(records)))
                .isInstanceOfSatisfying(UnknownCursorException.class, e -> assertThat(e.cursor().before()).isTrue());
    }

    // ---- filters -----------------------------------------------------------------------------

    private static Condition cmp(CdrField field, Comparison op, Object value) {
        return new Condition.Compare(field, op, value);
    }

    private static Condition like(CdrField field, String pattern, boolean ignoreCase, boolean negated) {
        return new Condition.Like(field, pattern, ignoreCase, negated);
    }

    @Test
    void textComparesByUnicodeCodePoint() {
        var records = new TestRecords();
        // UTF-16 order would put the emoji (a surrogate pair) before U+FFFD; code point order puts it after.
        insertAll(records.call("replacement").customName("\uFFFD").build(),
                records.call("emoji").customName("😀").build(),
                records.call("upper").customName("Z").build(),
                records.call("lower").customName("a").build());

        assertThat(matching(records, cmp(CdrField.CUSTOM_NAME, Comparison.GT, "\uFFFD"))).containsExactly("emoji");
        assertThat(matching(records, cmp(CdrField.CUSTOM_NAME, Comparison.LT, "a"))).containsExactly("upper");
        assertThat(matching(records, cmp(CdrField.CUSTOM_NAME, Comparison.GE, "a")))
                .containsExactly("replacement", "emoji", "lower");
    }

    @Test
    void conditionsOnANullAttributeAreFalseExceptIsNull() {
        var records = new TestRecords();
        insertAll(records.call("keyed").audioKey("audio-1").build(), records.call("unkeyed").audioKey(null).build());

        assertThat(matching(records, cmp(CdrField.AUDIO_KEY, Comparison.NE, "audio-2"))).containsExactly("keyed");
        assertThat(matching(records, new Condition.In(CdrField.AUDIO_KEY, true, List.of("x")))).containsExactly("keyed");
        assertThat(matching(records, like(CdrField.AUDIO_KEY, "zzz%", false, true))).containsExactly("keyed");
        assertThat(matching(records, like(CdrField.AUDIO_KEY, "zzz%", true, true))).containsExactly("keyed");
        assertThat(matching(records, new Condition.IsNull(CdrField.AUDIO_KEY, false))).containsExactly("unkeyed");
        assertThat(matching(records, new Condition.IsNull(CdrField.AUDIO_KEY, true))).containsExactly("keyed");
    }

    @Test
    void inAndNotinMatchListedValues() {
        var records = new TestRecords();
        insertAll(records.call("host").role("host").build(),
                records.call("participant").role("participant").build(),
                records.call("listener").role("listener").build());

        assertThat(matching(records, new Condition.In(CdrField.ROLE, false, List.of("host", "listener"))))
                .containsExactly("host", "listener");
        assertThat(matching(records, new Condition.In(CdrField.ROLE, true, List.of("host", "listener"))))
                .containsExactly("participant");
    }

    @Test
    void likeIsCaseSensitiveWithPercentAndUnderscore() {
        var records = new TestRecords();
        insertAll(records.call("alice").customName("Alice").build(),
                records.call("lower").customName("alice").build(),
                records.call("emoji").customName("Al😀ce").build());

        assertThat(matching(records, like(CdrField.CUSTOM_NAME, "Al_ce", false, false))).containsExactly("alice", "emoji");
        assertThat(matching(records, like(CdrField.CUSTOM_NAME, "A%", false, false))).containsExactly("alice", "emoji");
        assertThat(matching(records, like(CdrField.CUSTOM_NAME, "%ice%", false, false))).containsExactly("alice", "lower");
        assertThat(matching(records, like(CdrField.CUSTOM_NAME, "A%", false, true))).containsExactly("lower");
    }

    @Test
    void ilikeFoldsAsciiLettersOnly() {
        var records = new TestRecords();
        insertAll(records.call("ascii").customName("ALICE").build(),
                records.call("accented-upper").customName("ÉLISE").build(),
                records.call("accented-lower").customName("élise").build());

        assertThat(matching(records, like(CdrField.CUSTOM_NAME, "alice", true, false))).containsExactly("ascii");
        assertThat(matching(records, like(CdrField.CUSTOM_NAME, "élise", true, false))).containsExactly("accented-lower");
        assertThat(matching(records, like(CdrField.CUSTOM_NAME, "%e", true, true))).isEmpty();
    }

    @Test
    void globAndEscapeCharactersInLikePatternsAreLiteral() {
        var records = new TestRecords();
        insertAll(records.call("stars").customName("a*b?c[d]e\\f").build(),
                records.call("plain").customName("axbycdde\\f").build(),
                records.call("nobackslash").customName("a*b?c[d]ef").build());

        assertThat(matching(records, like(CdrField.CUSTOM_NAME, "a*b?c[d]e\\f", false, false))).containsExactly("stars");
        assertThat(matching(records, like(CdrField.CUSTOM_NAME, "%[d]%", false, false)))
                .containsExactly("stars", "nobackslash");
        assertThat(matching(records, like(CdrField.CUSTOM_NAME, "A*B?C[D]E\\F", true, false))).containsExactly("stars");
        assertThat(matching(records, like(CdrField.CUSTOM_NAME, "%\\_", false, false))).containsExactly("stars", "plain");
    }

    @Test
    void durationsCompareExactlyWithDecimalValues() {
        var records = new TestRecords();
        insertAll(records.call("short").duration(Seconds.parse("4.25")).build(),
                records.call("long").duration(Seconds.parse("50")).build(),
                records.call("micro").duration(Seconds.parse("4.250001")).build());

        assertThat(matching(records, cmp(CdrField.DURATION, Comparison.EQ, new BigDecimal("4.250")))).containsExactly("short");
        assertThat(matching(records, cmp(CdrField.DURATION, Comparison.EQ, new BigDecimal("4.2500005")))).isEmpty();
        assertThat(matching(records, cmp(CdrField.DURATION, Comparison.GT, new BigDecimal("4.2500005"))))
                .containsExactly("long", "micro");
        assertThat(matching(records, cmp(CdrField.DURATION, Comparison.LE, new BigDecimal("4.2500009"))))
                .containsExactly("short");
        assertThat(matching(records, cmp(CdrField.DURATION, Comparison.NE, new BigDecimal("4.2500005"))))
                .containsExactly("short", "long", "micro");
        assertThat(matching(records, new Condition.In(CdrField.DURATION, false,
                List.of(new BigDecimal("50.0"), new BigDecimal("4.2500005"))))).containsExactly("long");
        assertThat(matching(records, cmp(CdrField.DURATION, Comparison.LT, new BigDecimal("1e30"))))
                .containsExactly("short", "long", "micro");
    }

    @Test
    void disconnectCauseComparesNumerically() {
        var records = new TestRecords();
        insertAll(records.call("normal").disconnectCause(16).build(),
                records.call("busy").disconnectCause(17).build(),
                records.call("unknown").disconnectCause(null).build());

        assertThat(matching(records, cmp(CdrField.DISCONNECT_CAUSE, Comparison.EQ, new BigDecimal("16")))).containsExactly("normal");
        assertThat(matching(records, cmp(CdrField.DISCONNECT_CAUSE, Comparison.GT, new BigDecimal("16.5")))).containsExactly("busy");
        assertThat(matching(records, cmp(CdrField.DISCONNECT_CAUSE, Comparison.NE, new BigDecimal("16")))).containsExactly("busy");
    }

    @Test
    void datesCompareAsInstants() {
        var records = new TestRecords();
        List<Cdr> stored = insertAll(records.call("first").build(), records.call("second").build(),
                records.call("third").build());
        Instant secondStop = stored.get(1).dateStop();

        assertThat(matching(records, cmp(CdrField.DATE_STOP, Comparison.GE, secondStop),
                cmp(CdrField.DATE_STOP, Comparison.LT, stored.get(2).dateStop()))).containsExactly("second");
        assertThat(matching(records, cmp(CdrField.DATE_STOP, Comparison.EQ, secondStop))).containsExactly("second");
        assertThat(matching(records, cmp(CdrField.DATE_STOP, Comparison.GT, secondStop.minusMillis(1))))
                .containsExactly("second", "third");
        assertThat(matching(records, new Condition.In(CdrField.DATE_STOP, true, List.of(secondStop))))
                .containsExactly("first", "third");
    }

    @Test
    void allConditionsOfAFilterMustHold() {
        var records = new TestRecords();
        insertAll(records.call("host-in").role("host").direction("inbound").build(),
                records.call("host-out").role("host").direction("outbound").build(),
                records.call("listener-in").role("listener").direction("inbound").build());

        assertThat(matching(records, cmp(CdrField.ROLE, Comparison.EQ, "host"),
                cmp(CdrField.DIRECTION, Comparison.EQ, "inbound"))).containsExactly("host-in");
    }

    // ---- paging ------------------------------------------------------------------------------

    private List<Cdr> insertNumbered(TestRecords records, int count) {
        List<Cdr> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(records.call("r" + i).role(i % 2 == 0 ? "host" : "participant").build());
        }
        return insertAll(batch.toArray(Cdr[]::new));
    }

    private Page page(TestRecords records, Filter filter, Order order, int limit, int offset, Cursor cursor) {
        return cdrs().list(new CdrQuery(filter, order, limit, offset, cursor, false), of(records));
    }

    private static List<String> names(TestRecords records, Page page) {
        return page.items().stream().map(records::name).toList();
    }

    @Test
    void firstPageHasNextButNoPrevious() {
        var records = new TestRecords();
        insertNumbered(records, 5);

        Page page = page(records, Filter.ALL, Order.INSERTION, 2, 0, null);

        assertThat(names(records, page)).containsExactly("r0", "r1");
        assertThat(page.hasNext()).isTrue();
        assertThat(page.hasPrevious()).isFalse();
        assertThat(page.total()).isNull();
    }

    @Test
    void offsetSkipsMatchingRecords() {
        var records = new TestRecords();
        insertNumbered(records, 5);

        Page page = page(records, Filter.ALL, Order.INSERTION, 2, 3, null);

        assertThat(names(records, page)).containsExactly("r3", "r4");
        assertThat(page.hasNext()).isFalse();
        assertThat(page.hasPrevious()).isTrue();
    }

    @Test
    void offsetBeyondTheEndGivesAnEmptyPageWithPrevious() {
        var records = new TestRecords();
        insertNumbered(records, 3);

        Page page = page(records, Filter.ALL, Order.INSERTION, 2, 10, null);

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
        assertThat(page.hasPrevious()).isTrue();
    }

    @Test
    void afterCursorContinuesWhereThePreviousPageEnded() {
        var records = new TestRecords();
        List<Cdr> stored = insertNumbered(records, 6);

        Page page = page(records, Filter.ALL, Order.INSERTION, 2, 0, Cursor.after(stored.get(1).callSid()));

        assertThat(names(records, page)).containsExactly("r2", "r3");
        assertThat(page.hasNext()).isTrue();
        assertThat(page.hasPrevious()).isTrue();
    }

    @Test
    void beforeCursorGivesTheLastRecordsBeforeItInRequestedOrder() {
        var records = new TestRecords();
        List<Cdr> stored = insertNumbered(records, 6);

        Page page = page(records, Filter.ALL, Order.INSERTION, 2, 0, Cursor.before(stored.get(4).callSid()));

        assertThat(names(records, page)).containsExactly("r2", "r3");
        assertThat(page.hasNext()).isTrue();
        assertThat(page.hasPrevious()).isTrue();
    }

    @Test
    void beforeCursorNearTheStartHasNoPrevious() {
        var records = new TestRecords();
        List<Cdr> stored = insertNumbered(records, 6);

        Page page = page(records, Filter.ALL, Order.INSERTION, 5, 0, Cursor.before(stored.get(2).callSid()));

        assertThat(names(records, page)).containsExactly("r0", "r1");
        assertThat(page.hasPrevious()).isFalse();
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void cursorNeedNotMatchTheFilter() {
        var records = new TestRecords();
        List<Cdr> stored = insertNumbered(records, 6);
        Filter hosts = Filter.ALL.and(cmp(CdrField.ROLE, Comparison.EQ, "host"));

        Page after = page(records, hosts, Order.INSERTION, 10, 0, Cursor.after(stored.get(1).callSid()));
        Page before = page(records, hosts, Order.INSERTION, 10, 0, Cursor.before(stored.get(3).callSid()));

        assertThat(names(records, after)).containsExactly("r2", "r4");
        assertThat(after.hasPrevious()).isTrue();
        assertThat(names(records, before)).containsExactly("r0", "r2");
        assertThat(before.hasNext()).isTrue();
    }

    @Test
    void emptyPageAfterTheLastRecordReportsPreviousOnlyWhenSomethingMatchesUpToTheCursor() {
        var records = new TestRecords();
        List<Cdr> stored = insertNumbered(records, 4);
        Filter participants = Filter.ALL.and(cmp(CdrField.ROLE, Comparison.EQ, "participant"));
        Filter nobody = Filter.ALL.and(cmp(CdrField.ROLE, Comparison.EQ, "listener"));

        Page afterLast = page(records, participants, Order.INSERTION, 3, 0, Cursor.after(stored.get(3).callSid()));
        Page afterLastNobody = page(records, nobody, Order.INSERTION, 3, 0, Cursor.after(stored.get(3).callSid()));

        assertThat(afterLast.items()).isEmpty();
        assertThat(afterLast.hasNext()).isFalse();
        assertThat(afterLast.hasPrevious()).isTrue();
        assertThat(afterLastNobody.hasPrevious()).isFalse();
    }

    @Test
    void emptyPageBeforeTheFirstRecordReportsNextWhenTheCursorItselfMatches() {
        var records = new TestRecords();
        List<Cdr> stored = insertNumbered(records, 1);

        Page page = page(records, Filter.ALL, Order.INSERTION, 3, 0, Cursor.before(stored.getFirst().callSid()));

        assertThat(page.items()).isEmpty();
        assertThat(page.hasPrevious()).isFalse();
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void totalCountsAllMatchingRecordsIgnoringTheWindow() {
        var records = new TestRecords();
        List<Cdr> stored = insertNumbered(records, 7);
        Filter hosts = Filter.ALL.and(cmp(CdrField.ROLE, Comparison.EQ, "host"));

        Page page = cdrs().list(new CdrQuery(hosts, Order.INSERTION, 1, 0, Cursor.after(stored.get(2).callSid()), true),
                of(records));

        assertThat(names(records, page)).containsExactly("r4");
        assertThat(page.total()).isEqualTo(4L);
    }

    @Test
    void shuffleReturnsMatchingRecordsWithinTheWindow() {
        var records = new TestRecords();
        insertNumbered(records, 6);

        Page page = cdrs().list(new CdrQuery(Filter.ALL, new Order.Shuffle(), 4, 0, null, true), of(records));

        assertThat(page.items()).hasSize(4).doesNotHaveDuplicates();
        assertThat(page.hasNext()).isTrue();
        assertThat(page.total()).isEqualTo(6L);
    }

    @Test
    void walkingAfterCursorsReturnsEveryRecordExactlyOnceAsRecordsArrive() {
        var records = new TestRecords();
        List<String> expected = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            List<Cdr> rows = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                rows.add(records.call("b" + batch + "-" + i).build());
                expected.add("b" + batch + "-" + i);
            }
            insertAll(rows.toArray(Cdr[]::new));
        }
        List<String> seen = new ArrayList<>();
        Cursor cursor = null;
        int pages = 0;
        while (true) {
            Page page = page(records, Filter.ALL, Order.INSERTION, 100, 0, cursor);
            seen.addAll(names(records, page));
            if (++pages == 10) {
                Cdr late = records.call("late").build();
                insertAll(late);
                expected.add("late");
            }
            if (!page.hasNext()) {
                break;
            }
            cursor = Cursor.after(page.items().getLast().callSid());
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void lastInsertedIsTheNewestVisibleRecordAndIgnoresOtherTenants() {
        var mine = new TestRecords();
        var theirs = new TestRecords();
        assertThat(cdrs().lastInserted(of(mine))).isEmpty();

        insertAll(mine.call("first").build(), mine.call("second").build());
        insertAll(theirs.call("later").build());

        assertThat(cdrs().lastInserted(of(mine))).contains(mine.sid("second"));
        assertThat(cdrs().lastInserted(new Visibility(java.util.Set.of(mine.partnerSid(), theirs.partnerSid()))))
                .contains(theirs.sid("later"));
    }
}
