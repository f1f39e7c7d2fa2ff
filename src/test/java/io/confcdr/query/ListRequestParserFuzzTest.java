package io.confcdr.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the list parameters (see {@link FilterParserFuzzTest} for how it runs).
 * Whatever the parameters, the answer is a valid request or a {@link QueryException} naming one of them.
 */
class ListRequestParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    @Timeout(5)
    @DictionaryEntries({"filter=", "order=", "limit=", "offset=", "after=", "before=", "with_total=", "include_fields=",
            "exclude_fields=", "shuffle", " desc", "+asc", "date_stop", "call_sid,role", "true", "1000"})
    void anyParametersMakeAValidRequestOrAreRefusedNamingOne(byte @NotNull [] input) {
        Map<String, List<String>> params = FuzzedParameters.of(input);
        try {
            ListRequest request = ListRequestParser.parse(params);
            CdrQuery query = request.query();
            assertThat(query.limit()).isBetween(1, CdrQuery.MAX_LIMIT);
            assertThat(query.offset()).isNotNegative();
            assertThat(query.cursor() != null && query.offset() > 0).as("offset with a cursor").isFalse();
            assertThat(request.fields()).isNotNull();
        } catch (QueryException refused) {
            assertThat(ListRequestParser.PARAMETERS).contains(refused.field());
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /**
     * The cursor parameters alone: the input's lines are, in this order, {@code after}, {@code before},
     * {@code offset} and {@code order}; an empty or missing line leaves the parameter out.
     */
    @FuzzTest(maxDuration = "30s")
    @Timeout(5)
    @DictionaryEntries({"shuffle", "date_stop desc", "0"})
    void aCursorIsTheSidAsGivenOrRefused(byte @NotNull [] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 4);
        String after = line(lines, 0);
        String before = line(lines, 1);
        String offset = line(lines, 2);
        String order = line(lines, 3);
        var params = new java.util.HashMap<String, List<String>>();
        put(params, "after", after);
        put(params, "before", before);
        put(params, "offset", offset);
        put(params, "order", order);
        try {
            Cursor cursor = ListRequestParser.parse(params).query().cursor();
            assertThat(after == null || before == null).as("after and before at once were accepted").isTrue();
            assertThat(cursor == null || offset == null).as("a cursor with an offset was accepted").isTrue();
            if (after != null) {
                assertThat(cursor).isEqualTo(Cursor.after(after));
            } else if (before != null) {
                assertThat(cursor).isEqualTo(Cursor.before(before));
            } else {
                assertThat(cursor).isNull();
            }
        } catch (QueryException refused) {
            assertThat(refused.field()).isIn("after", "before", "offset", "order");
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private static String line(String[] lines, int index) {
        return index < lines.length && !lines[index].isEmpty() ? lines[index] : null;
    }

    private static void put(Map<String, List<String>> params, String name, String value) {
        if (value != null) {
            params.put(name, List.of(value));
        }
    }
}
