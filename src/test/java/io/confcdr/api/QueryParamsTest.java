package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.query.QueryException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    private static final Set<String> KNOWN = Set.of("filter", "limit");

    @Test
    void plusIsASpaceAndAnEscapedPlusIsAPlus() {
        assertThat(QueryParams.decode("filter=number_src+eq+%2B1", KNOWN))
                .isEqualTo(Map.of("filter", List.of("number_src eq +1")));
    }

    @Test
    void escapesAreUtf8InEitherCaseAndNamesAreDecodedToo() {
        assertThat(QueryParams.decode("%66ilter=%c3%A9t%C3%A9", KNOWN)).isEqualTo(Map.of("filter", List.of("été")));
    }

    @Test
    void rawNonAsciiCharactersArePassedThrough() {
        assertThat(QueryParams.decode("filter=name+eq+€😀", KNOWN)).isEqualTo(Map.of("filter", List.of("name eq €😀")));
    }

    @Test
    void repeatedParametersKeepEveryValueInOrderAndANameWithoutEqualsHasAnEmptyValue() {
        assertThat(QueryParams.decode("limit=1&x&limit=2&&", KNOWN))
                .containsEntry("limit", List.of("1", "2")).containsEntry("x", List.of("")).containsEntry("", List.of("", ""));
    }

    @Test
    void aMalformedEscapeInAKnownParameterNamesIt() {
        for (String raw : List.of("limit=%zz", "limit=1%", "limit=%2", "limit=%%32", "limit=%٣٣", "filter=a%\"")) {
            String name = raw.substring(0, raw.indexOf('='));
            assertThatThrownBy(() -> QueryParams.decode(raw, KNOWN)).as(raw)
                    .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.field()).isEqualTo(name));
        }
    }

    @Test
    void escapedBytesThatAreNotUtf8InAKnownParameterNameIt() {
        // a lone continuation byte, a truncated sequence, an overlong slash, an encoded surrogate, a byte never used
        for (String value : List.of("%80", "%C3", "%C0%AF", "%ED%A0%80", "%FF")) {
            assertThatThrownBy(() -> QueryParams.decode("filter=" + value, KNOWN)).as(value)
                    .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.field()).isEqualTo("filter"));
        }
    }

    @Test
    void anUnpairedSurrogateSentRawInAKnownParameterNamesIt() {
        assertThatThrownBy(() -> QueryParams.decode("filter=a\uD800b", KNOWN)).isInstanceOf(QueryException.class);
    }

    @Test
    void brokenParametersTheRouteDoesNotKnowAreLeftOut() {
        assertThat(QueryParams.decode("cache=%zz&x%zz=1&limit=5", KNOWN)).isEqualTo(Map.of("limit", List.of("5")));
    }

    @Test
    void whatUrlEncoderWritesDecodesBackToTheSameText() {
        Random random = new Random(14);
        for (int i = 0; i < 2_000; i++) {
            String text = RandomText.text(random, 40);
            String raw = "filter=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
            assertThat(QueryParams.decode(raw, KNOWN)).as(raw).isEqualTo(Map.of("filter", List.of(text)));
        }
    }
}
