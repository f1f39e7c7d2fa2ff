package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void aTotalDeadlinePassesOnceItsBudgetHasElapsedForEveryOperation() {
        Deadline deadline = Deadline.total(clock, Duration.ofSeconds(2));
        clock.advance(Duration.ofMillis(1_500));

        assertThat(deadline.forOperation()).isSameAs(deadline);
        assertThat(deadline.remainingMillis()).isEqualTo(500);
        assertThat(deadline.passed()).isFalse();
        clock.advance(Duration.ofMillis(500));
        assertThat(deadline.passed()).isTrue();
        assertThat(deadline.remainingMillis()).isZero();
        assertThatThrownBy(deadline::check).isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("within its deadline of 2 s");
    }

    @Test
    void aDeadlinePerOperationGivesEachOperationTheWholeBudgetFromItsStart() {
        Deadline request = Deadline.perOperation(clock, Duration.ofSeconds(2));
        Deadline first = request.forOperation();
        clock.advance(Duration.ofSeconds(3));

        assertThat(first.passed()).isTrue();
        assertThat(request.passed()).isFalse();
        assertThat(request.forOperation().remainingMillis()).isEqualTo(2_000);
    }

    @Test
    void withinOpensTheDeadlineForTheWorkAndRestoresTheOneBefore() {
        Deadline outer = Deadline.total(clock, Duration.ofSeconds(1));
        Deadline inner = Deadline.total(clock, Duration.ofSeconds(5));

        Deadline.within(outer, () -> {
            assertThat(Deadline.within(inner, Deadline::current)).isSameAs(inner);
            assertThat(Deadline.current()).isSameAs(outer);
            return null;
        });
        assertThat(Deadline.current()).isNull();
    }
}
