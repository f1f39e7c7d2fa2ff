package io.confcdr.report;

import java.time.Instant;

/**
 * One bucket [from, to) of a concurrency report: the most legs up at any instant in it (legs that started
 * earlier and are still up count) and how many legs started in it.
 */
public record ConcurrencyBucket(Instant from, Instant to, long peakConcurrentLegs, long legsStarted) {
}
