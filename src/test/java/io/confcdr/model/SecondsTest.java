package io.confcdr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SecondsTest {

    @Test
    void theLargestDurationAMicrosecondCountHoldsIsKeptExactly() {
        assertThat(Seconds.of(new BigDecimal("9223372036854.775807")).micros()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void oneMicrosecondMoreIsRefused() {
        assertThatThrownBy(() -> Seconds.of(new BigDecimal("9223372036854.775808"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aHugeExponentIsRefusedAsOutOfRange() {
        // Found by the ingest fuzz target: expanding it exactly took seconds of CPU for one field.
        assertThatThrownBy(() -> Seconds.of(new BigDecimal("1e55555555")))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("out of range");
    }

    @Test
    void zeroWithAnyExponentIsZero() {
        assertThat(Seconds.of(new BigDecimal("0e99")).micros()).isZero();
    }

    @Test
    void aTinyExponentIsRefusedAsTooPrecise() {
        assertThatThrownBy(() -> Seconds.of(new BigDecimal("1e-55555555"))).isInstanceOf(ArithmeticException.class);
    }
}
