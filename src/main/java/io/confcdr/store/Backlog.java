package io.confcdr.store;

import java.time.Instant;

/**
 * What a subscription has not received yet: how many records (at most {@link #COUNTED_UP_TO}), and the
 * date_insert of the oldest (or null).
 */
public record Backlog(long records, Instant oldestDateInsert) {

    public static final Backlog NONE = new Backlog(0, null);

    /**
     * Where counting stops: a bounded read of the index, however far behind a subscription is. Beyond it the
     * age of the oldest record says more than the count.
     */
    public static final int COUNTED_UP_TO = 100_000;
}
