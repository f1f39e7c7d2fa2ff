package io.confcdr.push;

import java.time.Instant;

/** Where a replay starts: after a record ({@code afterCallSid}) or at the first record inserted from a date. */
public record Replay(String afterCallSid, Instant dateInsertFrom) {
}
