package io.confcdr.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * How long the database work of the request running on this thread may still take. The API layer opens one
 * around each request ({@link #within}); the SQL layer reads it ({@link #current}) where it waits for a
 * pooled connection, for the writer gate or for a lock, and where it starts a statement, and cancels what
 * is still running when the time is up. So the store's methods carry no timeout parameter, and work with
 * no deadline open (the command line, background jobs) runs as before.
 *
 * <p>Two kinds: a <em>total</em> deadline ends at one instant for every operation of the request; a deadline
 * <em>per operation</em> gives each operation (a transaction, a chunk of an export) the whole budget from
 * its own start, for requests whose length is the client's transfer speed and not the database's work.
 *
 * <p>The value is a thread-local rather than a scoped value (still a preview in Java 21); the SQL layer
 * carries it over to the threads it hands JDBC calls to.
 */
public final class Deadline {

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final Clock clock;
    private final Duration budget;
    /** null for a deadline per operation */
    private final Instant end;

    private Deadline(Clock clock, Duration budget, Instant end) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a deadline's budget must be positive");
        }
        this.clock = clock;
        this.budget = budget;
        this.end = end;
    }

    /** One deadline for everything the request does, {@code budget} from now. */
    public static Deadline total(Clock clock, Duration budget) {
        return new Deadline(clock, budget, clock.instant().plus(budget));
    }

    /** Each database operation gets {@code budget} from its own start ({@link #forOperation}). */
    public static Deadline perOperation(Clock clock, Duration budget) {
        return new Deadline(clock, budget, null);
    }

    /** The deadline open on this thread; null when none is. */
    public static Deadline current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with {@code deadline} open on this thread ({@code null}: none), then restores the previous. */
    public static <T> T within(Deadline deadline, Supplier<T> work) {
        Deadline previous = CURRENT.get();
        CURRENT.set(deadline);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * Opens {@code deadline} on this thread until {@link #close()}: for frameworks that run a request as
     * separate steps on one thread (the API's before-handler and request logger).
     */
    public static void open(Deadline deadline) {
        CURRENT.set(deadline);
    }

    /** Ends what {@link #open} opened on this thread. */
    public static void close() {
        CURRENT.remove();
    }

    /** The deadline an operation starting now runs under: this one if total, a fresh total one if per operation. */
    public Deadline forOperation() {
        return end == null ? total(clock, budget) : this;
    }

    /** The time left (zero or negative once passed); the whole budget for a deadline per operation. */
    public Duration remaining() {
        return end == null ? budget : Duration.between(clock.instant(), end);
    }

    /** Time left in whole milliseconds, 0 once passed. */
    public long remainingMillis() {
        long millis = remaining().toMillis();
        return Math.max(0, millis);
    }

    public boolean passed() {
        return end != null && !clock.instant().isBefore(end);
    }

    public Duration budget() {
        return budget;
    }

    /** The failure of work cut off by this deadline; {@code cause} (nullable) is what the database said. */
    public DeadlineExceededException exceeded(Throwable cause) {
        return new DeadlineExceededException(budget, cause);
    }

    /** @throws DeadlineExceededException when this deadline has passed */
    public void check() {
        if (passed()) {
            throw exceeded(null);
        }
    }
}
