package io.confcdr.store;

import java.time.Instant;

/** What a subscription has not received yet: how many records, and the date_insert of the oldest (or null). */
public record Backlog(long records, Instant oldestDateInsert) {

    public static final Backlog NONE = new Backlog(0, null);
}
