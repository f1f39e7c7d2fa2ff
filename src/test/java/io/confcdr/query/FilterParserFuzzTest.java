package io.confcdr.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the filter language. Without {@code JAZZER_FUZZ} this runs the committed
 * inputs under {@code src/test/resources/io/confcdr/query/FilterParserFuzzTestInputs} as ordinary tests;
 * {@code bench/fuzz} runs it for real.
 */
class FilterParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    @Timeout(5)
    @DictionaryEntries({" eq ", " ne ", " gt ", " ge ", " lt ", " le ", " like ", " notlike ", " ilike ", " notilike ",
            " in (", " notin (", " and ", "null", "date_stop", "duration", "disconnect_cause", "role", "partner_sid",
            "2024-12-14T10:04:04.123+05:30", "\\\"", "'", "\""})
    void anyTextParsesOrIsRefusedAsABadFilter(byte @NotNull [] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            FilterParser.parse(text);
        } catch (QueryException refused) {
            assertThat(refused.field()).isEqualTo("filter");
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
