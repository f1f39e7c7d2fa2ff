package io.confcdr.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.store.Storage;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A short live fuzzing campaign per store ({@code bench/run fuzz-http} runs long ones): mutated query
 * strings and ingest bodies against a real server must never get a 5xx or a body that is not JSON.
 */
abstract class LiveFuzzContract {

    /** Fixed so that a failure in the suite replays; bench/run fuzz-http takes --seed. */
    private static final long SEED = 14;

    protected abstract Storage newStorage(Clock clock);

    @Test
    void mutatedQueryStringsAndIngestBodiesNeverGetA5xxOrABodyThatIsNotJson() throws Exception {
        try (Storage storage = newStorage(Clock.systemUTC())) {
            LiveFuzz.Outcome outcome = LiveFuzz.run(storage, SEED, 1_000, 150);

            System.out.println(getClass().getSimpleName() + ": " + outcome + "; closed, e.g.: " + outcome.closedSamples());
            assertThat(outcome.failures()).as(outcome.toString()).isEmpty();
        }
    }
}
