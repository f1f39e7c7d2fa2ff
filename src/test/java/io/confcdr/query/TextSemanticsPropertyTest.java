package io.confcdr.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the reference's text semantics against independent definitions: code point order is the
 * order of UTF-8 bytes (what SQLite BINARY and PostgreSQL "C" compare), and a like pattern means the
 * regular expression with {@code %} as {@code .*} and {@code _} as one code point, folding ASCII case
 * only for ilike.
 */
class TextSemanticsPropertyTest {

    private static final List<String> ALPHABET = List.of("a", "A", "b", "Z", "z", "é", "É", "😀", "\uFFFD", "\uE000",
            "日", "%", "_", "\\", "*", "?", "[", " ", "\u0301", "ß");

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 50).boxed();
    }

    private static String word(Random random, List<String> alphabet, int maxLength) {
        var text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.get(random.nextInt(alphabet.size())));
        }
        return text.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void codePointOrderIsUtf8ByteOrder(long seed) {
        var random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String a = word(random, ALPHABET, 4);
            String b = word(random, ALPHABET, 4);
            int bytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
            assertThat(Integer.signum(TextOrder.compare(a, b))).as("seed %d: '%s' vs '%s'", seed, a, b).isEqualTo(Integer.signum(bytes));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void likeMeansTheEquivalentRegularExpression(long seed) {
        var random = new Random(seed);
        List<String> patternAlphabet = List.of("a", "A", "b", "é", "É", "😀", "%", "_", "\\", "*", "?", "[");
        for (int i = 0; i < 200; i++) {
            String pattern = word(random, patternAlphabet, 5);
            String value = word(random, List.of("a", "A", "b", "é", "É", "😀", "\\", "*", "?", "[", "%", "_"), 6);
            boolean caseInsensitive = random.nextBoolean();
            assertThat(LikePattern.matches(pattern, value, caseInsensitive))
                    .as("seed %d: '%s' %s '%s'", seed, value, caseInsensitive ? "ilike" : "like", pattern)
                    .isEqualTo(regex(pattern, caseInsensitive).matcher(value).matches());
        }
    }

    /** Java's {@code .} matches one code point; CASE_INSENSITIVE without UNICODE_CASE folds ASCII only. */
    private static Pattern regex(String like, boolean caseInsensitive) {
        var regex = new StringBuilder();
        like.codePoints().forEach(c -> regex.append(switch (c) {
            case '%' -> ".*";
            case '_' -> ".";
            default -> Pattern.quote(Character.toString(c));
        }));
        return Pattern.compile(regex.toString(), Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE : 0));
    }
}
