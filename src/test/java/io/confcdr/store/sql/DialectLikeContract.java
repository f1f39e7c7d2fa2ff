package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.stream.Stream;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dialect's {@code like} and {@code ilike}, run by its database: {@code %} and {@code _} are the only
 * wildcards, every other character (GLOB's {@code * ? [}, LIKE's escape {@code \}) stands for itself, and
 * only {@code ilike} ignores (ASCII) case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DialectLikeContract {

    private SqlStorage storage;

    protected abstract SqlStorage openStorage(Clock clock);

    @BeforeAll
    void open() {
        storage = openStorage(Clock.systemUTC());
    }

    @AfterAll
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // value, pattern, like, ilike
                Arguments.of("abbc", "a%c", true, true),
                Arguments.of("ac", "a%c", true, true),
                Arguments.of("abbd", "a%c", false, false),
                Arguments.of("abc", "a_c", true, true),
                Arguments.of("ac", "a_c", false, false),
                Arguments.of("abbc", "a_c", false, false),
                Arguments.of("a*c", "a*c", true, true),
                Arguments.of("abc", "a*c", false, false),
                Arguments.of("a?c", "a?c", true, true),
                Arguments.of("abc", "a?c", false, false),
                Arguments.of("a[b]c", "a[b]c", true, true),
                Arguments.of("abc", "a[b]c", false, false),
                Arguments.of("a[", "a[", true, true),
                Arguments.of("a]", "a]", true, true),
                Arguments.of("a\\bc", "a\\%", true, true),
                Arguments.of("a%", "a\\%", false, false),
                Arguments.of("a\\", "a\\", true, true),
                Arguments.of("a\\xc", "a\\_c", true, true),
                Arguments.of("a_c", "a\\_c", false, false),
                Arguments.of("100%", "100%", true, true),
                Arguments.of("abc", "ABC", false, true),
                Arguments.of("ABC", "a%", false, true),
                Arguments.of("A*C", "a*c", false, true),
                Arguments.of("", "%", true, true),
                Arguments.of("", "_", false, false));
    }

    @ParameterizedTest(name = "{0} like {1}")
    @MethodSource("cases")
    void caseSensitiveLikeTakesOnlyPercentAndUnderscoreAsWildcards(String value, String pattern, boolean like, boolean ilike) {
        assertThat(matches(value, pattern, false)).isEqualTo(like);
    }

    @ParameterizedTest(name = "{0} ilike {1}")
    @MethodSource("cases")
    void ilikeAlsoIgnoresCase(String value, String pattern, boolean like, boolean ilike) {
        assertThat(matches(value, pattern, true)).isEqualTo(ilike);
    }

    private boolean matches(String value, String pattern, boolean caseInsensitive) {
        SqlDatabase db = storage.database();
        return db.read(dsl -> dsl.select(DSL.field(db.dialect().like(DSL.val(value), pattern, caseInsensitive)))
                .fetchSingle().value1());
    }
}
