package io.confcdr.api;

import io.confcdr.model.Timestamps;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Parameters;
import io.confcdr.report.ConcurrencyBucket;
import io.confcdr.report.ConcurrencyQuery;
import io.confcdr.report.GroupKey;
import io.confcdr.report.Measures;
import io.confcdr.report.ReportRequests;
import io.confcdr.report.Reports;
import io.confcdr.report.UsageQuery;
import io.confcdr.report.UsageRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/**
 * {@code GET /core/v2/app/conference/reports/usage} and {@code …/reports/concurrency}: parameters into a
 * report query, the rows paged by limit and offset in the CarrierX envelope. What is counted is
 * {@link Reports}'s.
 */
final class ReportRoutes implements Routes {

    static final String USAGE_PATH = "/core/v2/app/conference/reports/usage";
    static final String CONCURRENCY_PATH = "/core/v2/app/conference/reports/concurrency";

    private final Reports reports;
    private final RequestAuth auth;
    private final BaseUrl baseUrl;

    ReportRoutes(Reports reports, RequestAuth auth, BaseUrl baseUrl) {
        this.reports = reports;
        this.auth = auth;
        this.baseUrl = baseUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(USAGE_PATH, this::usage);
        routes.get(CONCURRENCY_PATH, this::concurrency);
    }

    void usage(Context ctx) {
        Reports.Reader reader = reports.readerFor(auth.authenticate(ctx));
        Map<String, List<String>> params = QueryParams.of(ctx, Set.of("filter", "group_by", "tz", "rollup", "interval", "limit", "offset"));
        UsageQuery query = ReportRequests.usage(params);
        Window window = Window.of(params);
        List<UsageRow> rows = reader.usage(query);
        var envelope = new ReportEnvelope(baseUrl.of(ctx) + USAGE_PATH, params, List.of("filter", "group_by", "tz", "rollup"));
        JsonOutput.write(ctx, 200, out -> envelope.write(out, rows, window.limit(), window.offset(),
                (json, row) -> writeUsage(json, query, row)));
    }

    void concurrency(Context ctx) {
        Reports.Reader reader = reports.readerFor(auth.authenticate(ctx));
        Map<String, List<String>> params = QueryParams.of(ctx, Set.of("filter", "group_by", "tz", "rollup", "interval", "limit", "offset"));
        ConcurrencyQuery query = ReportRequests.concurrency(params);
        Window window = Window.of(params);
        List<ConcurrencyBucket> buckets = reader.concurrency(query);
        var envelope = new ReportEnvelope(baseUrl.of(ctx) + CONCURRENCY_PATH, params, List.of("filter", "interval", "tz"));
        JsonOutput.write(ctx, 200, out -> envelope.write(out, buckets, window.limit(), window.offset(),
                ReportRoutes::writeBucket));
    }

    /** limit 1..1000 (default 10, as every collection) and offset. */
    private record Window(int limit, int offset) {
        static Window of(Map<String, List<String>> params) {
            return new Window(Parameters.integer(params, "limit", CdrQuery.DEFAULT_LIMIT, 1, CdrQuery.MAX_LIMIT),
                    Parameters.integer(params, "offset", 0, 0, Integer.MAX_VALUE));
        }
    }

    /** A row's group keys and numbers, all in alphabetical order of their names like every object this API writes. */
    private static void writeUsage(JsonGenerator out, UsageQuery query, UsageRow row) {
        Map<String, Consumer<JsonGenerator>> properties = new TreeMap<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            GroupKey key = query.groupBy().get(i);
            Object value = row.keys().get(i);
            properties.put(key.wireName(), json -> {
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof Integer number) {
                    json.writeNumber(number);
                } else {
                    json.writeString((String) value);
                }
            });
        }
        Measures m = row.measures();
        properties.put("billable_minutes", json -> json.writeNumber(m.billableMinutes()));
        properties.put("failed_legs", json -> json.writeNumber(m.failedLegs()));
        properties.put("joined_legs", json -> json.writeNumber(m.joinedLegs()));
        properties.put("legs", json -> json.writeNumber(m.legs()));
        properties.put("meetings", json -> json.writeNumber(m.meetings()));
        properties.put("minutes", json -> json.writeString(m.minutesText()));
        properties.put("peak_concurrent_legs", json -> json.writeNumber(m.peakConcurrentLegs()));
        if (m.selfLegs() != null) {
            properties.put("self_legs", json -> json.writeNumber(m.selfLegs()));
        }
        out.writeStartObject();
        properties.forEach((name, value) -> {
            out.writeName(name);
            value.accept(out);
        });
        out.writeEndObject();
    }

    private static void writeBucket(JsonGenerator out, ConcurrencyBucket bucket) {
        out.writeStartObject();
        out.writeStringProperty("from", Timestamps.format(bucket.from()));
        out.writeNumberProperty("legs_started", bucket.legsStarted());
        out.writeNumberProperty("peak_concurrent_legs", bucket.peakConcurrentLegs());
        out.writeStringProperty("to", Timestamps.format(bucket.to()));
        out.writeEndObject();
    }
}
