package io.confcdr.report;

import io.confcdr.query.Filter;
import java.time.ZoneId;
import java.util.List;

/**
 * A usage report request, free of HTTP: which legs ({@code filter}), grouped by what (in this order, the
 * order of the rows' sort), calendar buckets cut in {@code zone}, and whether partner rows roll up their
 * descendants. {@code rollupTree} requires {@link GroupKey#PARTNER_SID} among the keys.
 */
public record UsageQuery(Filter filter, List<GroupKey> groupBy, ZoneId zone, boolean rollupTree) {

    public UsageQuery {
        groupBy = List.copyOf(groupBy);
        if (rollupTree && !groupBy.contains(GroupKey.PARTNER_SID)) {
            throw new IllegalArgumentException("rollup=tree needs partner_sid among the group keys");
        }
    }
}
