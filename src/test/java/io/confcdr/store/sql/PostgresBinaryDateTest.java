package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A binary timestamptz counts microseconds from 2000-01-01T00:00:00Z, forwards and backwards. */
class PostgresBinaryDateTest {

    @Test
    void binaryDatesCountMicrosecondsFromTheYear2000OnEitherSide() {
        assertThat(PostgresDialect.instantOfPostgresMicros(0)).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(PostgresDialect.instantOfPostgresMicros(-1)).isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
        assertThat(PostgresDialect.instantOfPostgresMicros(-946_684_800_000_001L)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertThat(PostgresDialect.instantOfPostgresMicros(786_369_600_123_000L)).isEqualTo(Instant.parse("2024-12-01T12:00:00.123Z"));
    }

    @Test
    void theLatestDatePostgresqlHoldsDoesNotOverflow() {
        // 294276-12-31T23:59:59.999999Z, PostgreSQL's END_TIMESTAMP less one microsecond.
        assertThat(PostgresDialect.instantOfPostgresMicros(9_223_371_331_199_999_999L))
                .isEqualTo(Instant.parse("+294276-12-31T23:59:59.999999Z"));
    }
}
