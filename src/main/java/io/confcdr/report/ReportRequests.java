package io.confcdr.report;

import io.confcdr.query.FilterParser;
import io.confcdr.query.Parameters;
import io.confcdr.query.QueryException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Report parameters (already URL-decoded) into queries, or a {@link QueryException} naming the parameter
 * at fault, with the list route's rules: unknown parameters are ignored, a known one given twice or
 * holding a NUL is refused, an empty value counts as absent. Pure.
 */
public final class ReportRequests {

    public static final Set<String> USAGE_PARAMETERS = Set.of("filter", "group_by", "tz", "rollup", "limit", "offset");
    public static final Set<String> CONCURRENCY_PARAMETERS = Set.of("filter", "interval", "tz", "limit", "offset");
    public static final Interval DEFAULT_INTERVAL = Interval.HOUR;

    private static final String GROUP_KEYS =
            Arrays.stream(GroupKey.values()).map(GroupKey::wireName).collect(Collectors.joining(", "));

    private ReportRequests() {
    }

    public static UsageQuery usage(Map<String, List<String>> params) {
        checkSingle(params, USAGE_PARAMETERS);
        List<GroupKey> groupBy = groupBy(Parameters.single(params, "group_by"));
        ZoneId zone = zone(Parameters.single(params, "tz"));
        boolean rollup = rollup(Parameters.single(params, "rollup"), groupBy);
        return new UsageQuery(FilterParser.parse(Parameters.single(params, "filter")), groupBy, zone, rollup);
    }

    public static ConcurrencyQuery concurrency(Map<String, List<String>> params) {
        checkSingle(params, CONCURRENCY_PARAMETERS);
        String text = Parameters.single(params, "interval");
        Interval interval = text == null ? DEFAULT_INTERVAL : Interval.byWireName(text.strip()).orElseThrow(() ->
                new QueryException("interval", "interval must be one of 5m, 15m, 1h, 1d but was '" + text + "'"));
        ZoneId zone = zone(Parameters.single(params, "tz"));
        return new ConcurrencyQuery(FilterParser.parse(Parameters.single(params, "filter")), interval, zone);
    }

    private static void checkSingle(Map<String, List<String>> params, Set<String> known) {
        for (String name : known) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                throw new QueryException(name, name + " may be given only once");
            }
            if (values != null && !values.isEmpty() && values.getFirst().indexOf('\0') >= 0) {
                throw new QueryException(name, name + " must not contain the NUL character (U+0000)");
            }
        }
    }

    static List<GroupKey> groupBy(String text) {
        List<GroupKey> keys = new ArrayList<>();
        if (text == null) {
            return keys;
        }
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            GroupKey key = GroupKey.byWireName(name).orElseThrow(() -> new QueryException("group_by",
                    "unknown group key '" + name + "'; group_by takes a comma-separated list of " + GROUP_KEYS));
            if (keys.contains(key)) {
                throw new QueryException("group_by", "group key '" + name + "' is given twice");
            }
            keys.add(key);
        }
        return keys;
    }

    /** An IANA zone name such as Europe/Paris, or UTC (the default); fixed offsets are not zones. */
    static ZoneId zone(String text) {
        if (text == null) {
            return ZoneOffset.UTC;
        }
        String name = text.strip();
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw new QueryException("tz", "tz must be an IANA time zone such as Europe/Paris or UTC but was '" + text + "'");
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new QueryException("tz", "tz must be an IANA time zone such as Europe/Paris or UTC but was '" + text + "'");
        }
    }

    private static boolean rollup(String text, List<GroupKey> groupBy) {
        if (text == null) {
            return false;
        }
        if (!text.strip().equals("tree")) {
            throw new QueryException("rollup", "rollup must be 'tree' but was '" + text + "'");
        }
        if (!groupBy.contains(GroupKey.PARTNER_SID)) {
            throw new QueryException("rollup", "rollup=tree needs partner_sid in group_by");
        }
        return true;
    }
}
