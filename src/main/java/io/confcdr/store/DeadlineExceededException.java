package io.confcdr.store;

import java.time.Duration;

/**
 * The request's {@link Deadline} passed while it waited for or worked in the database; its statement was
 * cancelled and its connection returned. A kind of unavailability (the API answers 503 with Retry-After):
 * nothing is wrong with the request, the store was too slow or too busy for it just then.
 */
public final class DeadlineExceededException extends StoreUnavailableException {

    private final Duration budget;

    DeadlineExceededException(Duration budget, Throwable cause) {
        super("the request's database work did not finish within its deadline of " + seconds(budget), cause);
        this.budget = budget;
    }

    public Duration budget() {
        return budget;
    }

    /** The budget as a client reads it: whole seconds, or milliseconds below one. */
    public static String seconds(Duration budget) {
        return budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
    }
}
