package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpiryTest {

    private static final Instant NOW = Instant.parse("2024-12-14T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "30d, 2025-01-13T10:00:00Z",
        "12h, 2024-12-14T22:00:00Z",
        "45m, 2024-12-14T10:45:00Z",
        "2w, 2024-12-28T10:00:00Z",
        "P90D, 2025-03-14T10:00:00Z",
        "PT36H, 2024-12-15T22:00:00Z",
        "2025-06-30, 2025-06-30T00:00:00Z",
        "2025-06-30T12:00:00Z, 2025-06-30T12:00:00Z",
        "2025-06-30T12:00:00+02:00, 2025-06-30T10:00:00Z"})
    void acceptsDurationsDatesAndInstants(String text, String expected) {
        assertThat(Expiry.parse(text, NOW)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tomorrow", "30x", "2025-13-01", "P1M"})
    void rejectsAnythingElseWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Expiry.parse(text, NOW))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("30d, 12h, P90D");
    }
}
