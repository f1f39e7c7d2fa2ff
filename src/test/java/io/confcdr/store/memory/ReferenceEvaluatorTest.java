package io.confcdr.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Seconds;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.query.FilterParser;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.Page;
import io.confcdr.store.TestRecords;
import io.confcdr.store.UnknownCursorException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ReferenceEvaluatorTest {

    private static final String ACME = "cee93bf3-5746-43fe-a1a2-822c05fef687";
    private static final String GLOBEX = "0a6e5d2b-1f3c-4d8e-9b7a-5c4d3e2f1a0b";
    private static final Visibility ACME_ONLY = Visibility.of(ACME);
    private static final Instant START = Instant.parse("2024-12-14T10:03:14Z");

    /** A host leg of the CarrierX sample's shape; {@code n} keeps sids and times apart. */
    private static Cdr leg(int n, UnaryOperator<Cdr.Builder> changes) {
        Instant start = START.plus(Duration.ofMinutes(n));
        Cdr.Builder builder = TestRecords.carrierxSample().toBuilder()
                .callSid("69057c3e-bb90-4ed3-9c53-%012d".formatted(n))
                .dateStart(start)
                .dateJoin(start.plusSeconds(16))
                .dateDisconnected(start.plusSeconds(50))
                .dateStop(start.plusSeconds(50))
                .dateInsert(start.plusSeconds(3600))
                .partnerSid(ACME);
        return changes.apply(builder).build();
    }

    private static Cdr leg(int n) {
        return leg(n, b -> b);
    }

    private static List<Cdr> legs(int count) {
        List<Cdr> legs = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            legs.add(leg(n));
        }
        return legs;
    }

    private static List<Integer> numbers(Page page) {
        return page.items().stream().map(cdr -> Integer.parseInt(cdr.callSid().substring(24))).toList();
    }

    private static List<Integer> matching(List<Cdr> all, String filter) {
        return numbers(ReferenceEvaluator.page(all, new CdrQuery(FilterParser.parse(filter), Order.INSERTION, 1000, 0, null, false), ACME_ONLY));
    }

    private static Page page(List<Cdr> all, Order order, int limit, Cursor cursor) {
        return ReferenceEvaluator.page(all, new CdrQuery(Filter.ALL, order, limit, 0, cursor, false), ACME_ONLY);
    }

    private static Page page(List<Cdr> all, String filter, Order order, int limit, int offset, Cursor cursor) {
        return ReferenceEvaluator.page(all, new CdrQuery(FilterParser.parse(filter), order, limit, offset, cursor, false), ACME_ONLY);
    }

    private static String sid(int n) {
        return leg(n).callSid();
    }

    @Test
    void conditionsOnAMissingValueAreFalseEvenWhenNegated() {
        List<Cdr> all = List.of(leg(1, b -> b.customName("Jane Doe")), leg(2, b -> b.customName(null)));
        assertThat(matching(all, "custom_name ne 'Bob'")).containsExactly(1);
        assertThat(matching(all, "custom_name notin (Bob)")).containsExactly(1);
        assertThat(matching(all, "custom_name notlike 'B%'")).containsExactly(1);
        assertThat(matching(all, "custom_name notilike 'b%'")).containsExactly(1);
    }

    @Test
    void eqNullFindsMissingValuesAndNeNullThePresentOnes() {
        List<Cdr> all = List.of(leg(1, b -> b.dateJoin(null).durationMeeting(Seconds.ZERO)), leg(2));
        assertThat(matching(all, "date_join eq null")).containsExactly(1);
        assertThat(matching(all, "date_join ne null")).containsExactly(2);
    }

    @Test
    void textOrdersByCodePointSoAnEmojiFollowsTheReplacementCharacter() {
        List<Cdr> all = List.of(leg(1, b -> b.customName("😀 Dana")), leg(2, b -> b.customName("\uFFFD Eve")),
                leg(3, b -> b.customName("Zoë")));
        assertThat(numbers(page(all, new Order.ByField(CdrField.CUSTOM_NAME, false), 10, null))).containsExactly(3, 2, 1);
        assertThat(matching(all, "custom_name gt '\uFFFD'")).containsExactly(1, 2);
    }

    @Test
    void likeIsCaseSensitiveAndUnderscoreIsOneCodePoint() {
        List<Cdr> all = List.of(leg(1, b -> b.customName("😀 Dana")), leg(2, b -> b.customName("dana")));
        assertThat(matching(all, "custom_name like '_ Dana'")).containsExactly(1);
        assertThat(matching(all, "custom_name like '%Dana'")).containsExactly(1);
        assertThat(matching(all, "custom_name like 'dana'")).containsExactly(2);
    }

    @Test
    void ilikeFoldsAsciiLettersOnly() {
        List<Cdr> all = List.of(leg(1, b -> b.customName("ZOË")), leg(2, b -> b.customName("zoë")));
        assertThat(matching(all, "custom_name ilike 'zo%'")).containsExactly(1, 2);
        assertThat(matching(all, "custom_name ilike 'zoë'")).containsExactly(2);
    }

    @Test
    void likeWildcardCharactersOfOtherDialectsAreLiteral() {
        List<Cdr> all = List.of(leg(1, b -> b.customName("a*b?[c]\\")), leg(2, b -> b.customName("axbyzc\\")));
        assertThat(matching(all, "custom_name like 'a*b?[c]\\\\'")).containsExactly(1);
    }

    @Test
    void durationsCompareNumericallyNotAsText() {
        List<Cdr> all = List.of(leg(1, b -> b.duration(Seconds.parse("9.5"))), leg(2, b -> b.duration(Seconds.parse("10"))));
        assertThat(matching(all, "duration gt 9.75")).containsExactly(2);
        assertThat(matching(all, "duration eq 9.500")).containsExactly(1);
        assertThat(numbers(page(all, new Order.ByField(CdrField.DURATION, false), 10, null))).containsExactly(1, 2);
    }

    @Test
    void disconnectCauseComparesAsANumber() {
        List<Cdr> all = List.of(leg(1, b -> b.disconnectCause(16)), leg(2, b -> b.disconnectCause(127)));
        assertThat(matching(all, "disconnect_cause in (16.0, 31)")).containsExactly(1);
        assertThat(matching(all, "disconnect_cause ge 100")).containsExactly(2);
    }

    @Test
    void datesCompareAsInstantsWhateverTheOffsetWritten() {
        List<Cdr> all = legs(3);
        assertThat(matching(all, "date_start ge 2024-12-14T12:05:14+02:00")).containsExactly(2, 3);
    }

    @Test
    void nullsComeFirstAscendingAndLastDescending() {
        List<Cdr> all = List.of(leg(1, b -> b.audioKey("rec-b")), leg(2, b -> b.audioKey(null)), leg(3, b -> b.audioKey("rec-a")));
        assertThat(numbers(page(all, new Order.ByField(CdrField.AUDIO_KEY, false), 10, null))).containsExactly(2, 3, 1);
        assertThat(numbers(page(all, new Order.ByField(CdrField.AUDIO_KEY, true), 10, null))).containsExactly(1, 3, 2);
    }

    @Test
    void tiesFollowInsertionOrderAscendingAndItsReverseDescending() {
        List<Cdr> all = List.of(leg(1, b -> b.role("host")), leg(2, b -> b.role("participant")), leg(3, b -> b.role("host")));
        assertThat(numbers(page(all, new Order.ByField(CdrField.ROLE, false), 10, null))).containsExactly(1, 3, 2);
        assertThat(numbers(page(all, new Order.ByField(CdrField.ROLE, true), 10, null))).containsExactly(2, 3, 1);
    }

    @Test
    void defaultOrderIsInsertionOrderNotDateOrder() {
        List<Cdr> all = List.of(leg(5), leg(1), leg(3));
        assertThat(numbers(page(all, Order.INSERTION, 10, null))).containsExactly(5, 1, 3);
    }

    @Test
    void afterCursorContinuesWhereThePreviousPageEnded() {
        List<Cdr> all = legs(7);
        Page first = page(all, Order.INSERTION, 3, null);
        Page second = page(all, Order.INSERTION, 3, Cursor.after(first.items().getLast().callSid()));
        assertThat(numbers(second)).containsExactly(4, 5, 6);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
    }

    @Test
    void afterCursorFollowsTheRequestedOrder() {
        List<Cdr> all = legs(5);
        Page page = page(all, new Order.ByField(CdrField.DATE_START, true), 2, Cursor.after(sid(4)));
        assertThat(numbers(page)).containsExactly(3, 2);
    }

    @Test
    void beforeCursorReturnsTheClosestPrecedingRecordsInRequestedOrder() {
        List<Cdr> all = legs(7);
        Page page = page(all, Order.INSERTION, 3, Cursor.before(sid(6)));
        assertThat(numbers(page)).containsExactly(3, 4, 5);
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void beforeCursorNearTheStartReturnsAShortPageWithoutPrevious() {
        Page page = page(legs(7), Order.INSERTION, 3, Cursor.before(sid(3)));
        assertThat(numbers(page)).containsExactly(1, 2);
        assertThat(page.hasPrevious()).isFalse();
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void cursorRecordNeedNotMatchTheFilter() {
        List<Cdr> all = List.of(leg(1, b -> b.role("host")), leg(2, b -> b.role("listener")), leg(3, b -> b.role("host")),
                leg(4, b -> b.role("host")));
        Page after = page(all, "role eq host", Order.INSERTION, 10, 0, Cursor.after(sid(2)));
        assertThat(numbers(after)).containsExactly(3, 4);
        assertThat(after.hasPrevious()).isTrue();
        Page before = page(all, "role eq host", Order.INSERTION, 10, 0, Cursor.before(sid(2)));
        assertThat(numbers(before)).containsExactly(1);
        assertThat(before.hasNext()).isTrue();
    }

    @Test
    void emptyPageAfterTheLastRecordHasPreviousButNoNext() {
        Page page = page(legs(3), Order.INSERTION, 5, Cursor.after(sid(3)));
        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
        assertThat(page.hasPrevious()).isTrue();
    }

    @Test
    void emptyPageAfterANonMatchingCursorWithNothingMatchingBeforeHasNoPrevious() {
        List<Cdr> all = List.of(leg(1, b -> b.role("listener")), leg(2, b -> b.role("listener")));
        Page page = page(all, "role eq host", Order.INSERTION, 5, 0, Cursor.after(sid(2)));
        assertThat(page.items()).isEmpty();
        assertThat(page.hasPrevious()).isFalse();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void emptyPageBeforeTheFirstRecordHasNextButNoPrevious() {
        Page page = page(legs(3), Order.INSERTION, 5, Cursor.before(sid(1)));
        assertThat(page.items()).isEmpty();
        assertThat(page.hasPrevious()).isFalse();
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void offsetSkipsMatchingRecords() {
        Page page = page(legs(6), "", Order.INSERTION, 2, 3, null);
        assertThat(numbers(page)).containsExactly(4, 5);
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void offsetBeyondTheEndGivesAnEmptyPageWithPreviousWhenAnythingMatches() {
        Page page = page(legs(3), "", Order.INSERTION, 10, 50, null);
        assertThat(page.items()).isEmpty();
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.hasNext()).isFalse();
        Page nothing = page(legs(3), "role eq listener", Order.INSERTION, 10, 50, null);
        assertThat(nothing.hasPrevious()).isFalse();
    }

    @Test
    void lastFullPageHasNoNext() {
        Page page = page(legs(4), Order.INSERTION, 2, Cursor.after(sid(2)));
        assertThat(numbers(page)).containsExactly(3, 4);
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void totalCountsEveryVisibleMatchingRecordWhateverThePage() {
        List<Cdr> all = new ArrayList<>(legs(6));
        all.add(leg(7, b -> b.partnerSid(GLOBEX)));
        var query = new CdrQuery(FilterParser.parse("duration ge 50"), Order.INSERTION, 2, 0, Cursor.after(sid(4)), true);
        assertThat(ReferenceEvaluator.page(all, query, ACME_ONLY).total()).isEqualTo(6L);
    }

    @Test
    void totalIsAbsentUnlessAskedFor() {
        assertThat(page(legs(3), Order.INSERTION, 10, null).total()).isNull();
    }

    @Test
    void recordsOfOtherPartnersDoNotExistEvenForAPartnerFilter() {
        List<Cdr> all = List.of(leg(1), leg(2, b -> b.partnerSid(GLOBEX)));
        assertThat(matching(all, "partner_sid eq " + GLOBEX)).isEmpty();
        assertThat(matching(all, "")).containsExactly(1);
    }

    @Test
    void cursorOnAnotherPartnersRecordIsUnknown() {
        List<Cdr> all = List.of(leg(1), leg(2, b -> b.partnerSid(GLOBEX)));
        assertThatThrownBy(() -> page(all, Order.INSERTION, 10, Cursor.after(sid(2))))
                .isInstanceOfSatisfying(UnknownCursorException.class, e -> {
                    assertThat(e.cursor().before()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("unknown call_sid '" + sid(2) + "'");
                });
    }

    @Test
    void cursorOnAMissingRecordIsUnknown() {
        assertThatThrownBy(() -> page(legs(2), Order.INSERTION, 10, Cursor.before("no-such-call")))
                .isInstanceOfSatisfying(UnknownCursorException.class, e -> assertThat(e.cursor().before()).isTrue());
    }

    @Test
    void shuffleReturnsAWindowOfTheMatchingRecords() {
        List<Cdr> all = legs(8);
        Page page = page(all, "date_start gt 2024-12-14T10:05:00Z", new Order.Shuffle(), 4, 2, null);
        assertThat(numbers(page)).hasSize(4).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isBetween(2, 8));
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.hasNext()).isTrue();
    }
}
