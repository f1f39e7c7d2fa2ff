package io.confcdr.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.CdrField;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    private static final String OPERATORS = "(eq, ne, gt, ge, lt, le, like, notlike, ilike, notilike, in, notin)";

    private static Condition only(String filter) {
        List<Condition> conditions = FilterParser.parse(filter).conditions();
        assertThat(conditions).hasSize(1);
        return conditions.getFirst();
    }

    private static void assertRejected(String filter, String message) {
        assertThatThrownBy(() -> FilterParser.parse(filter))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.field()).isEqualTo("filter");
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    private static Instant dateStopValue(String filter) {
        return (Instant) ((Condition.Compare) only(filter)).value();
    }

    @Nested
    class CarrierxExamples {

        static final String HOUR_WINDOW = "date_stop ge 2024-10-31T18:00:00Z and date_stop lt 2024-10-31T19:00:00Z";
        static final String SINCE_DAY = "date_stop ge 2020-03-15";
        static final String SINCE_OFFSET = "date_stop ge 2025-01-01T12:00:00+00:00";

        @Test
        void hourWindowParsesToTwoDateConditions() {
            assertThat(FilterParser.parse(HOUR_WINDOW).conditions()).containsExactly(
                    new Condition.Compare(CdrField.DATE_STOP, Comparison.GE, Instant.parse("2024-10-31T18:00:00Z")),
                    new Condition.Compare(CdrField.DATE_STOP, Comparison.LT, Instant.parse("2024-10-31T19:00:00Z")));
        }

        @Test
        void bareDayMeansMidnightUtc() {
            assertThat(only(SINCE_DAY)).isEqualTo(
                    new Condition.Compare(CdrField.DATE_STOP, Comparison.GE, Instant.parse("2020-03-15T00:00:00Z")));
        }

        @Test
        void explicitZeroOffsetIsUtc() {
            assertThat(only(SINCE_OFFSET)).isEqualTo(
                    new Condition.Compare(CdrField.DATE_STOP, Comparison.GE, Instant.parse("2025-01-01T12:00:00Z")));
        }

        @ParameterizedTest
        @ValueSource(strings = {HOUR_WINDOW, SINCE_DAY, SINCE_OFFSET})
        void examplesSurviveFormEncodingWithPlusForSpace(String filter) {
            String encoded = URLEncoder.encode(filter, StandardCharsets.UTF_8);
            assertThat(FilterParser.parse(URLDecoder.decode(encoded, StandardCharsets.UTF_8)))
                    .isEqualTo(FilterParser.parse(filter));
        }

        @ParameterizedTest
        @ValueSource(strings = {HOUR_WINDOW, SINCE_DAY, SINCE_OFFSET})
        void examplesSurvivePercentTwentyEncoding(String filter) {
            String encoded = URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
            assertThat(encoded).doesNotContain("+");
            assertThat(FilterParser.parse(URLDecoder.decode(encoded, StandardCharsets.UTF_8)))
                    .isEqualTo(FilterParser.parse(filter));
        }
    }

    @Nested
    class Operators {

        @ParameterizedTest
        @CsvSource({"eq, EQ", "ne, NE", "gt, GT", "ge, GE", "lt, LT", "le, LE"})
        void comparisonOperatorsCompareAgainstOneValue(String op, Comparison comparison) {
            assertThat(only("bridge " + op + " conference-bridge"))
                    .isEqualTo(new Condition.Compare(CdrField.BRIDGE, comparison, "conference-bridge"));
        }

        @ParameterizedTest
        @CsvSource({"like, false, false", "notlike, false, true", "ilike, true, false", "notilike, true, true"})
        void likeOperatorsKeepThePatternVerbatim(String op, boolean caseInsensitive, boolean negated) {
            assertThat(only("user_agent " + op + " CX-%_SBC"))
                    .isEqualTo(new Condition.Like(CdrField.USER_AGENT, "CX-%_SBC", caseInsensitive, negated));
        }

        @Test
        void inTakesAListOfValues() {
            assertThat(only("role in (host, participant)"))
                    .isEqualTo(new Condition.In(CdrField.ROLE, false, List.of("host", "participant")));
        }

        @Test
        void notinTakesAListOfValues() {
            assertThat(only("role notin (listener)"))
                    .isEqualTo(new Condition.In(CdrField.ROLE, true, List.of("listener")));
        }

        @Test
        void operatorsAndTheAndKeywordIgnoreCase() {
            assertThat(FilterParser.parse("role EQ host AnD direction Ne outbound aNd custom_name ILike 'j%'").conditions())
                    .containsExactly(
                            new Condition.Compare(CdrField.ROLE, Comparison.EQ, "host"),
                            new Condition.Compare(CdrField.DIRECTION, Comparison.NE, "outbound"),
                            new Condition.Like(CdrField.CUSTOM_NAME, "j%", true, false));
        }

        @Test
        void attributeNamesAreCaseSensitive() {
            assertRejected("Role eq host", "at position 0: unknown attribute 'Role'");
        }

        @Test
        void anyRunOfSpacesAndTabsSeparatesTokens() {
            assertThat(FilterParser.parse("  role \t eq\t\thost   and  direction eq inbound  "))
                    .isEqualTo(FilterParser.parse("role eq host and direction eq inbound"));
        }

        @Test
        void emptyOrBlankFilterMatchesEverything() {
            assertThat(FilterParser.parse("")).isEqualTo(Filter.ALL);
            assertThat(FilterParser.parse("   ")).isEqualTo(Filter.ALL);
            assertThat(FilterParser.parse(null)).isEqualTo(Filter.ALL);
        }
    }

    @Nested
    class Quoting {

        @Test
        void doubleQuotesHoldSpaces() {
            assertThat(only("custom_name eq \"Jane Doe\""))
                    .isEqualTo(new Condition.Compare(CdrField.CUSTOM_NAME, Comparison.EQ, "Jane Doe"));
        }

        @Test
        void singleQuotesHoldSpaces() {
            assertThat(only("disconnect_reason eq 'Normal Clearing'"))
                    .isEqualTo(new Condition.Compare(CdrField.DISCONNECT_REASON, Comparison.EQ, "Normal Clearing"));
        }

        @Test
        void escapedDoubleQuoteInsideDoubleQuotes() {
            assertThat(only("address_dst eq \"\\\"15162065515\\\" <sip:15162065515@11.22.33.44>\""))
                    .isEqualTo(new Condition.Compare(CdrField.ADDRESS_DST, Comparison.EQ,
                            "\"15162065515\" <sip:15162065515@11.22.33.44>"));
        }

        @Test
        void escapedSingleQuoteInsideSingleQuotes() {
            assertThat(only("custom_name eq 'O\\'Brien'"))
                    .isEqualTo(new Condition.Compare(CdrField.CUSTOM_NAME, Comparison.EQ, "O'Brien"));
        }

        @Test
        void escapedBackslashIsOneBackslash() {
            assertThat(only("address_src eq \"a\\\\b\""))
                    .isEqualTo(new Condition.Compare(CdrField.ADDRESS_SRC, Comparison.EQ, "a\\b"));
        }

        @Test
        void otherBackslashesAreKeptLiterally() {
            assertThat(only("address_src eq \"sip:\\d@host\""))
                    .isEqualTo(new Condition.Compare(CdrField.ADDRESS_SRC, Comparison.EQ, "sip:\\d@host"));
        }

        @Test
        void theOtherQuoteNeedsNoEscape() {
            assertThat(only("custom_name eq \"it's\"")).isEqualTo(new Condition.Compare(CdrField.CUSTOM_NAME, Comparison.EQ, "it's"));
            assertThat(only("custom_name eq 'say \"hi\"'")).isEqualTo(new Condition.Compare(CdrField.CUSTOM_NAME, Comparison.EQ, "say \"hi\""));
        }

        @Test
        void emptyQuotesAreTheEmptyString() {
            assertThat(only("custom_name eq ''")).isEqualTo(new Condition.Compare(CdrField.CUSTOM_NAME, Comparison.EQ, ""));
        }

        @Test
        void quotedAndIsAValueNotAKeyword() {
            assertThat(only("custom_name eq 'Tom and Jerry'"))
                    .isEqualTo(new Condition.Compare(CdrField.CUSTOM_NAME, Comparison.EQ, "Tom and Jerry"));
        }

        @Test
        void plusSignInABareValueIsKept() {
            assertThat(only("number_src eq +17605692222"))
                    .isEqualTo(new Condition.Compare(CdrField.NUMBER_SRC, Comparison.EQ, "+17605692222"));
        }

        @Test
        void unicodeValuesAreKeptAsWritten() {
            assertThat(only("custom_name eq 'Zoë 😀'"))
                    .isEqualTo(new Condition.Compare(CdrField.CUSTOM_NAME, Comparison.EQ, "Zoë 😀"));
        }
    }

    @Nested
    class Nulls {

        @Test
        void eqNullTestsForAMissingValue() {
            assertThat(only("audio_key eq null")).isEqualTo(new Condition.IsNull(CdrField.AUDIO_KEY, false));
        }

        @Test
        void neNullTestsForAPresentValue() {
            assertThat(only("date_join ne NULL")).isEqualTo(new Condition.IsNull(CdrField.DATE_JOIN, true));
        }

        @Test
        void quotedNullIsTheWord() {
            assertThat(only("custom_name eq 'null'")).isEqualTo(new Condition.Compare(CdrField.CUSTOM_NAME, Comparison.EQ, "null"));
        }

        @Test
        void nullWithAnOrderingOperatorIsRejected() {
            assertRejected("duration gt null", "at position 12: null can only be used with eq or ne");
        }

        @Test
        void nullInAListIsRejected() {
            assertRejected("role in (host, null)", "at position 15: null can only be used with eq or ne");
        }
    }

    @Nested
    class Lists {

        @Test
        void valuesMayBeQuotedOrBare() {
            assertThat(only("custom_name in (\"Jane Doe\", 'O\\'Brien', Bob)"))
                    .isEqualTo(new Condition.In(CdrField.CUSTOM_NAME, false, List.of("Jane Doe", "O'Brien", "Bob")));
        }

        @Test
        void spacesAroundParenthesesAndCommasAreOptional() {
            assertThat(FilterParser.parse("role in(host,participant)"))
                    .isEqualTo(FilterParser.parse("role in (  host  ,\tparticipant  )"));
        }

        @Test
        void listValuesAreTypedLikeTheAttribute() {
            assertThat(only("disconnect_cause notin (16, 31.0)"))
                    .isEqualTo(new Condition.In(CdrField.DISCONNECT_CAUSE, true, List.of(new BigDecimal("16"), new BigDecimal("31.0"))));
            assertThat(only("date_start in (2024-12-14, '2024-12-14 10:03:14')"))
                    .isEqualTo(new Condition.In(CdrField.DATE_START, false,
                            List.of(Instant.parse("2024-12-14T00:00:00Z"), Instant.parse("2024-12-14T10:03:14Z"))));
        }

        @Test
        void aListMayBeFollowedByMoreConditions() {
            assertThat(FilterParser.parse("role in (host) and direction eq inbound").conditions()).hasSize(2);
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "2024-12-14                      | 2024-12-14T00:00:00Z",
                "2024-12-14T10:04:04             | 2024-12-14T10:04:04Z",
                "2024-12-14T10:04:04Z            | 2024-12-14T10:04:04Z",
                "2024-12-14T10:04:04.5Z          | 2024-12-14T10:04:04.500Z",
                "2024-12-14T10:04:04.195         | 2024-12-14T10:04:04.195Z",
                "2024-12-14T10:04:04+02:00       | 2024-12-14T08:04:04Z",
                "2024-12-14T10:04:04-05:30       | 2024-12-14T15:34:04Z",
                "2024-12-14T23:30:00.25-01:00    | 2024-12-15T00:30:00.250Z",
                "'2024-12-14 10:04:04'           | 2024-12-14T10:04:04Z",
                "\"2024-12-14 10:04:04.1+01:00\" | 2024-12-14T09:04:04.100Z",
        })
        void everyDocumentedFormIsAnInstant(String written, String instant) {
            assertThat(dateStopValue("date_stop eq " + written)).isEqualTo(Instant.parse(instant));
        }

        @Test
        void fractionsFinerThanMillisecondsAreTruncated() {
            assertThat(dateStopValue("date_stop ge 2024-12-14T10:04:04.123999999999Z"))
                    .isEqualTo(Instant.parse("2024-12-14T10:04:04.123Z"));
        }

        @Test
        void aSpaceInsideAnUnquotedDateEndsTheValue() {
            assertRejected("date_stop ge 2024-12-14 10:04:04",
                    "at position 24: expected 'and' or the end of the filter but found '10:04:04'");
        }

        @ParameterizedTest
        @CsvSource({
                "yesterday, yesterday",
                "2024-13-01, 2024-13-01",
                "2024-02-30, 2024-02-30",
                "2024-12-14T25:00:00Z, 2024-12-14T25:00:00Z",
                "2024-12-14T10:04, 2024-12-14T10:04",
                "2024-12-14T10:04:04.Z, 2024-12-14T10:04:04.Z",
                "2024-12-14T10:04:04+0200, 2024-12-14T10:04:04+0200",
                "1734170644, 1734170644",
        })
        void malformedDatesAreRejectedAtTheirPosition(String written, String shown) {
            assertRejected("date_start gt " + written, "at position 14: expected a date such as 2024-12-14, "
                    + "2024-12-14T10:04:04 or 2024-12-14T10:04:04.5+02:00 for date_start but found '" + shown + "'");
        }
    }

    @Nested
    class Numbers {

        @Test
        void durationsTakeDecimalSeconds() {
            assertThat(only("duration gt 4.25"))
                    .isEqualTo(new Condition.Compare(CdrField.DURATION, Comparison.GT, new BigDecimal("4.25")));
        }

        @Test
        void disconnectCauseTakesANumber() {
            assertThat(only("disconnect_cause eq 16"))
                    .isEqualTo(new Condition.Compare(CdrField.DISCONNECT_CAUSE, Comparison.EQ, new BigDecimal("16")));
        }

        @Test
        void signedAndQuotedNumbersAreAccepted() {
            assertThat(only("duration_meeting ge -0.5"))
                    .isEqualTo(new Condition.Compare(CdrField.DURATION_MEETING, Comparison.GE, new BigDecimal("-0.5")));
            assertThat(only("duration_meeting le '34'"))
                    .isEqualTo(new Condition.Compare(CdrField.DURATION_MEETING, Comparison.LE, new BigDecimal("34")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "1e3", "4.2.5", "-", ".", "50s"})
        void nonNumbersAreRejected(String written) {
            assertRejected("duration eq " + written,
                    "at position 12: expected a number such as 50 or 4.25 for duration but found '" + written + "'");
        }
    }

    @Nested
    class SyntaxErrors {

        @Test
        void unterminatedQuoteIsReportedWhereItOpened() {
            assertRejected("custom_name eq \"Jane Doe", "at position 15: unterminated quoted value: expected a closing \"");
        }

        @Test
        void missingValueAtTheEnd() {
            assertRejected("role eq", "at position 7: expected a value but found the end of the filter");
            assertRejected("role eq  ", "at position 9: expected a value but found the end of the filter");
        }

        @Test
        void missingOperatorAtTheEnd() {
            assertRejected("role", "at position 4: expected an operator " + OPERATORS + " but found the end of the filter");
        }

        @Test
        void unknownOperatorIsNamed() {
            assertRejected("role eq host and direction foo inbound",
                    "at position 27: expected an operator " + OPERATORS + " but found 'foo'");
        }

        @Test
        void symbolicOperatorsAreNotOperators() {
            assertRejected("role = host", "at position 5: expected an operator " + OPERATORS + " but found '='");
        }

        @Test
        void unknownAttributeIsNamedWithItsPosition() {
            assertRejected("role eq host and colour eq red", "at position 17: unknown attribute 'colour'");
        }

        @Test
        void likeOnADateIsRejected() {
            assertRejected("date_stop like 2024%", "at position 10: like can only be used on text attributes, not on date_stop");
        }

        @Test
        void ilikeOnADurationIsRejected() {
            assertRejected("duration ilike 5%", "at position 9: ilike can only be used on text attributes, not on duration");
        }

        @Test
        void trailingAndNeedsAnotherCondition() {
            assertRejected("role eq host and", "at position 16: expected an attribute but found the end of the filter");
            assertRejected("role eq host and ", "at position 17: expected an attribute but found the end of the filter");
        }

        @Test
        void onlyAndJoinsConditions() {
            assertRejected("role eq host or role eq listener",
                    "at position 13: expected 'and' or the end of the filter but found 'or'");
        }

        @Test
        void textAfterAQuotedValueNeedsASpace() {
            assertRejected("role eq 'host'and direction eq inbound",
                    "at position 14: expected a space after the value but found 'and'");
        }

        @Test
        void missingClosingParenthesis() {
            assertRejected("role in (host, participant", "at position 26: expected ',' or ')' but found the end of the filter");
        }

        @Test
        void missingCommaBetweenListValues() {
            assertRejected("role in (host participant)", "at position 14: expected ',' or ')' but found 'participant'");
        }

        @Test
        void emptyListIsRejected() {
            assertRejected("role in ()", "at position 9: expected a value but found ')'");
        }

        @Test
        void inWithoutAListIsRejected() {
            assertRejected("role in host", "at position 8: expected '(' to open the list of values but found 'host'");
        }

        @Test
        void missingSpaceBeforeAValue() {
            assertRejected("role eq(host)", "at position 7: expected a space before a value but found '(host)'");
        }
    }

    @Nested
    class Bounds {

        private static String conditions(int count) {
            return IntStream.range(0, count).mapToObj(i -> "disconnect_cause ne " + i).collect(Collectors.joining(" and "));
        }

        private static String list(int count) {
            return IntStream.range(0, count).mapToObj(Integer::toString).collect(Collectors.joining(","));
        }

        @Test
        void filterOfMaximumLengthIsAccepted() {
            String filter = "custom_name eq '" + "x".repeat(FilterParser.MAX_LENGTH - 17) + "'";
            assertThat(filter).hasSize(FilterParser.MAX_LENGTH);
            assertThat(FilterParser.parse(filter).conditions()).hasSize(1);
        }

        @Test
        void filterLongerThanTheMaximumIsRejected() {
            String filter = "custom_name eq '" + "x".repeat(FilterParser.MAX_LENGTH - 16) + "'";
            assertRejected(filter, "filter is 4097 characters long; at most 4096 are allowed");
        }

        @Test
        void thirtyTwoConditionsAreAccepted() {
            assertThat(FilterParser.parse(conditions(32)).conditions()).hasSize(32);
        }

        @Test
        void theThirtyThirdConditionIsRejectedWhereItStarts() {
            String filter = conditions(33);
            int position = filter.lastIndexOf("disconnect_cause");
            assertRejected(filter, "at position " + position + ": a filter may have at most 32 conditions");
        }

        @Test
        void aThousandListValuesAreAccepted() {
            assertThat(FilterParser.parse("disconnect_cause in (" + list(1000) + ")").conditions()).hasSize(1);
        }

        @Test
        void theThousandAndFirstListValueIsRejectedEvenAcrossLists() {
            String filter = "disconnect_cause in (" + list(600) + ") and disconnect_cause notin (" + list(401) + ")";
            int position = filter.lastIndexOf(",400)") + 1;
            assertRejected(filter, "at position " + position + ": a filter may list at most 1000 values in total");
        }
    }
}
