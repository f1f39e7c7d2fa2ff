package io.confcdr.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.CdrField;
import io.confcdr.model.FieldSelection;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListRequestParserTest {

    private static final String SID = "69057c3e-bb90-4ed3-9c53-000000001142";

    /** Parameters as Javalin hands them over: name to values, already URL-decoded. */
    private static Map<String, List<String>> params(String... nameValuePairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            params.computeIfAbsent(nameValuePairs[i], name -> new java.util.ArrayList<>()).add(nameValuePairs[i + 1]);
        }
        return params;
    }

    private static CdrQuery query(String... nameValuePairs) {
        return ListRequestParser.parse(params(nameValuePairs)).query();
    }

    private static void assertRejected(String field, String message, String... nameValuePairs) {
        assertThatThrownBy(() -> ListRequestParser.parse(params(nameValuePairs)))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void aNulCharacterInAnyParameterIsRejectedBeforeAnyStoreSeesIt() {
        assertRejected("filter", "filter must not contain the NUL character (U+0000)", "filter", "call_sid eq 'a\0b'");
        assertRejected("after", "after must not contain the NUL character (U+0000)", "after", "\0");
        assertRejected("before", "before must not contain the NUL character (U+0000)", "before", SID + "\0");
        assertRejected("order", "order must not contain the NUL character (U+0000)", "order", "date_stop\0");
    }

    @Test
    void noParametersMeansTheFirstTenInInsertionOrder() {
        assertThat(query()).isEqualTo(new CdrQuery(Filter.ALL, Order.INSERTION, 10, 0, null, false));
        assertThat(ListRequestParser.parse(params()).fields()).isEqualTo(FieldSelection.ALL);
    }

    @Test
    void filterIsParsedIntoConditions() {
        assertThat(query("filter", "disconnect_cause eq 16").filter().conditions())
                .containsExactly(new Condition.Compare(CdrField.DISCONNECT_CAUSE, Comparison.EQ, new BigDecimal("16")));
    }

    @Test
    void filterErrorsNameTheFilterParameter() {
        assertRejected("filter", "at position 0: unknown attribute 'colour'", "filter", "colour eq red");
    }

    @Test
    void orderByAttributeAloneIsAscending() {
        assertThat(query("order", "date_start").order()).isEqualTo(new Order.ByField(CdrField.DATE_START, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"duration desc", "duration+desc", "duration DESC", "  duration \t Desc ", "duration++desc"})
    void orderDirectionMayBeSeparatedBySpaceOrLiteralPlusInAnyCase(String order) {
        assertThat(query("order", order).order()).isEqualTo(new Order.ByField(CdrField.DURATION, true));
    }

    @Test
    void orderAscIsExplicitAscending() {
        assertThat(query("order", "custom_name+asc").order()).isEqualTo(new Order.ByField(CdrField.CUSTOM_NAME, false));
    }

    @Test
    void orderShuffleIsRandom() {
        assertThat(query("order", "shuffle").order()).isEqualTo(new Order.Shuffle());
    }

    @Test
    void orderOnAnUnknownAttributeNamesIt() {
        assertRejected("order", "unknown attribute 'colour'", "order", "colour desc");
    }

    @Test
    void orderWithAnUnknownDirectionIsRejected() {
        assertRejected("order", "expected asc or desc after the attribute but found 'down'", "order", "duration down");
    }

    @Test
    void orderWithTooManyWordsIsRejected() {
        assertRejected("order", "expected '<attribute>', '<attribute> asc', '<attribute> desc' or 'shuffle' but found 'duration desc role'",
                "order", "duration desc role");
    }

    @Test
    void afterBecomesAForwardCursor() {
        assertThat(query("after", SID).cursor()).isEqualTo(Cursor.after(SID));
    }

    @Test
    void beforeBecomesABackwardCursor() {
        assertThat(query("before", SID, "order", "date_stop desc").cursor()).isEqualTo(Cursor.before(SID));
    }

    @Test
    void afterAndBeforeTogetherAreRejected() {
        assertRejected("before", "after and before cannot be combined", "after", SID, "before", SID);
    }

    @Test
    void offsetWithACursorIsRejected() {
        assertRejected("offset", "offset cannot be combined with after or before", "after", SID, "offset", "0");
        assertRejected("offset", "offset cannot be combined with after or before", "before", SID, "offset", "20");
    }

    @Test
    void shuffleWithACursorIsRejected() {
        assertRejected("order", "shuffle cannot be combined with after or before", "order", "shuffle", "after", SID);
    }

    @Test
    void limitAndOffsetAreTaken() {
        CdrQuery query = query("limit", "1000", "offset", "30");
        assertThat(query.limit()).isEqualTo(1000);
        assertThat(query.offset()).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "ten", "2.5", "99999999999999999999"})
    void limitOutsideOneToAThousandIsRejected(String limit) {
        assertRejected("limit", "limit must be a whole number from 1 to 1000", "limit", limit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "x", "1.0", "3000000000"})
    void offsetMustBeAWholeNumberFromZero(String offset) {
        assertRejected("offset", "offset must be a whole number from 0 up", "offset", offset);
    }

    @Test
    void withTotalAcceptsTrueAndFalse() {
        assertThat(query("with_total", "true").withTotal()).isTrue();
        assertThat(query("with_total", "FALSE").withTotal()).isFalse();
    }

    @Test
    void withTotalRejectsAnythingElse() {
        assertRejected("with_total", "with_total must be true or false", "with_total", "yes");
    }

    @Test
    void includeFieldsKeepsOnlyThoseAttributes() {
        assertThat(ListRequestParser.parse(params("include_fields", "call_sid,duration")).fields())
                .isEqualTo(new FieldSelection(EnumSet.of(CdrField.CALL_SID, CdrField.DURATION)));
    }

    @Test
    void includeMinusExcludeWhenBothAreGiven() {
        assertThat(ListRequestParser.parse(params("include_fields", "call_sid, duration, role", "exclude_fields", "role")).fields())
                .isEqualTo(new FieldSelection(EnumSet.of(CdrField.CALL_SID, CdrField.DURATION)));
    }

    @Test
    void unknownFieldInIncludeFieldsIsNamed() {
        assertRejected("include_fields", "unknown attribute 'colour'", "include_fields", "call_sid,colour");
    }

    @Test
    void unknownParametersAreIgnored() {
        assertThat(query("page", "2", "utm_source", "mail")).isEqualTo(query());
    }

    @Test
    void aKnownParameterGivenTwiceIsRejected() {
        assertRejected("limit", "limit may be given only once", "limit", "10", "limit", "20");
    }

    @Test
    void emptyValuesCountAsAbsent() {
        assertThat(query("filter", "", "order", "", "after", "", "limit", "", "with_total", "")).isEqualTo(query());
    }
}
