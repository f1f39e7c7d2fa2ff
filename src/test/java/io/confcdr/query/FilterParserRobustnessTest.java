package io.confcdr.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a client sends, the parser answers with a filter or a 400 naming a position inside the
 * input: never another exception (which would become a 500).
 */
class FilterParserRobustnessTest {

    private static final List<String> FRAGMENTS = List.of(
            "role", "duration", "date_stop", "disconnect_cause", "custom_name", "colour", "eq", "NE", "gt", "like",
            "ilike", "in", "notin", "and", "AND", "or", "null", " ", "  ", "\t", "(", ")", ",", "'", "\"", "\\", "\\'",
            "%", "_", "+", "-", ".", ":", "T", "Z", "2024-12-14", "10:04:04", "+02:00", "16", "4.25", "1e3", "😀", "é", "=");
    private static final Pattern POSITION = Pattern.compile("^at position (\\d+): .+");

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 50).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyInputParsesOrIsRejectedAtAPositionInsideIt(long seed) {
        var random = new Random(seed);
        for (int i = 0; i < 400; i++) {
            var text = new StringBuilder();
            int fragments = 1 + random.nextInt(12);
            for (int f = 0; f < fragments; f++) {
                text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                if (random.nextInt(3) > 0) {
                    text.append(' ');
                }
            }
            String filter = text.toString();
            Throwable thrown = catchThrowable(() -> FilterParser.parse(filter));
            if (thrown != null) {
                assertThat(thrown).as("seed %d: %s", seed, filter).isInstanceOf(QueryException.class);
                Matcher matcher = POSITION.matcher(thrown.getMessage());
                assertThat(matcher.matches()).as("seed %d: %s gave %s", seed, filter, thrown.getMessage()).isTrue();
                assertThat(Integer.parseInt(matcher.group(1))).as("seed %d: %s", seed, filter).isBetween(0, filter.length());
            }
        }
    }
}
