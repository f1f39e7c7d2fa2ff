package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    /** A clock the test moves. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hand clock = new Hand();

    @Test
    void aTotalDeadlinePassesOnceItsBudgetHasElapsedForEveryOperation() {
        Deadline deadline = Deadline.total(clock, Duration.ofSeconds(2));
        clock.now = clock.now.plusMillis(1_500);

        assertThat(deadline.forOperation()).isSameAs(deadline);
        assertThat(deadline.remainingMillis()).isEqualTo(500);
        assertThat(deadline.passed()).isFalse();
        clock.now = clock.now.plusMillis(500);
        assertThat(deadline.passed()).isTrue();
        assertThat(deadline.remainingMillis()).isZero();
        assertThatThrownBy(deadline::check).isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("within its deadline of 2 s");
    }

    @Test
    void aDeadlinePerOperationGivesEachOperationTheWholeBudgetFromItsStart() {
        Deadline request = Deadline.perOperation(clock, Duration.ofSeconds(2));
        Deadline first = request.forOperation();
        clock.now = clock.now.plusSeconds(3);

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
