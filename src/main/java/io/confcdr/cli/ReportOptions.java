package io.confcdr.cli;

import io.confcdr.query.QueryException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options both report commands share; they become the API's parameters so that both parse alike. */
final class ReportOptions {

    @Option(names = "--filter", paramLabel = "FILTER", description = "The list route's filter, e.g. \"date_start ge 2024-12-01\".")
    String filter;

    @Option(names = "--tz", paramLabel = "ZONE", description = "IANA time zone for calendar buckets (default UTC).")
    String tz;

    @Option(names = "--format", paramLabel = "table|csv", defaultValue = "table",
            description = "table (default) or csv.")
    String format;

    Map<String, List<String>> parameters() {
        Map<String, List<String>> params = new HashMap<>();
        put(params, "filter", filter);
        put(params, "tz", tz);
        return params;
    }

    static void put(Map<String, List<String>> params, String name, String value) {
        if (value != null) {
            params.put(name, List.of(value));
        }
    }

    ReportTable.Format format() {
        return switch (format) {
            case "table" -> ReportTable.Format.TABLE;
            case "csv" -> ReportTable.Format.CSV;
            default -> throw CliException.usage("--format must be table or csv");
        };
    }

    /** Parses with the API's rules; a refusal names the option instead of the parameter. */
    static <T> T parse(Map<String, List<String>> params, Function<Map<String, List<String>>, T> parser) {
        try {
            return parser.apply(params);
        } catch (QueryException e) {
            throw CliException.usage("--" + e.field().replace('_', '-') + ": " + e.getMessage());
        }
    }
}
