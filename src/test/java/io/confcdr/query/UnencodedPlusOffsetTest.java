package io.confcdr.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.CdrField;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hand-written URL such as {@code ?filter=date_stop+ge+2025-01-01T12:00:00+00:00} decodes its last
 * {@code +} to a space too. The parser reads {@code <date-time> <hh:mm>} as the offset {@code +hh:mm},
 * where nothing else could follow the value, and changes nothing else.
 */
class UnencodedPlusOffsetTest {

    private static Filter parseQueryValue(String rawQueryValue) {
        return FilterParser.parse(URLDecoder.decode(rawQueryValue, StandardCharsets.UTF_8));
    }

    private static Condition compare(Comparison comparison, String instant) {
        return new Condition.Compare(CdrField.DATE_STOP, comparison, Instant.parse(instant));
    }

    @Test
    void carrierxOffsetExampleWrittenByHandInAUrlMeansTheSameInstant() {
        assertThat(parseQueryValue("date_stop+ge+2025-01-01T12:00:00+00:00").conditions())
                .containsExactly(compare(Comparison.GE, "2025-01-01T12:00:00Z"));
    }

    @Test
    void theSpacedOffsetIsPositiveAndMayFollowAFraction() {
        assertThat(FilterParser.parse("date_stop ge 2025-01-01T12:00:00.250 05:30").conditions())
                .containsExactly(compare(Comparison.GE, "2025-01-01T06:30:00.250Z"));
    }

    @Test
    void theSpacedOffsetMayBeFollowedByMoreConditions() {
        assertThat(FilterParser.parse("date_stop ge 2025-01-01T12:00:00 01:00 and date_stop lt 2025-01-02T00:00:00 01:00").conditions())
                .containsExactly(compare(Comparison.GE, "2025-01-01T11:00:00Z"), compare(Comparison.LT, "2025-01-01T23:00:00Z"));
    }

    @Test
    void theSpacedOffsetWorksInsideAList() {
        assertThat(FilterParser.parse("date_stop in (2025-01-01T12:00:00 00:00, 2025-01-01T13:00:00 01:00)").conditions())
                .containsExactly(new Condition.In(CdrField.DATE_STOP, false,
                        List.of(Instant.parse("2025-01-01T12:00:00Z"), Instant.parse("2025-01-01T12:00:00Z"))));
    }

    @Test
    void aDateTimeThatAlreadyHasAZoneDoesNotTakeASecondOne() {
        assertThatThrownBy(() -> FilterParser.parse("date_stop ge 2025-01-01T12:00:00Z 00:00"))
                .isInstanceOf(QueryException.class)
                .hasMessage("at position 34: expected 'and' or the end of the filter but found '00:00'");
    }

    @Test
    void aQuotedDateTimeKeepsItsQuotesAsTheWholeValue() {
        assertThatThrownBy(() -> FilterParser.parse("date_stop ge '2025-01-01T12:00:00' 00:00"))
                .isInstanceOf(QueryException.class)
                .hasMessage("at position 35: expected 'and' or the end of the filter but found '00:00'");
    }

    @Test
    void textAttributesAreUntouched() {
        assertThatThrownBy(() -> FilterParser.parse("custom_name eq 2025-01-01T12:00:00 00:00"))
                .isInstanceOf(QueryException.class)
                .hasMessage("at position 35: expected 'and' or the end of the filter but found '00:00'");
    }
}
