package io.confcdr.report;

import io.confcdr.query.Filter;
import java.time.ZoneId;

/** A concurrency report request, free of HTTP. */
public record ConcurrencyQuery(Filter filter, Interval interval, ZoneId zone) {
}
