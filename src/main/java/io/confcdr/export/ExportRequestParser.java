package io.confcdr.export;

import io.confcdr.model.CdrField;
import io.confcdr.model.FieldSelection;
import io.confcdr.query.CdrScan;
import io.confcdr.query.Cursor;
import io.confcdr.query.FilterParser;
import io.confcdr.query.ListRequestParser;
import io.confcdr.query.Order;
import io.confcdr.query.Parameters;
import io.confcdr.query.QueryException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the export's query parameters (and the {@code Accept} header) into an {@link ExportRequest}, or a
 * {@link QueryException} naming the parameter at fault. Filter, order and fields go through the list
 * route's own parsers, so they mean the same and fail with the same messages. Pure: no I/O.
 */
public final class ExportRequestParser {

    static final Set<String> PARAMETERS = Set.of(
            "filter", "order", "include_fields", "exclude_fields", "format", "tz", "after");

    private ExportRequestParser() {
    }

    /** @param accept the request's {@code Accept} header, or null; {@code format=} wins over it */
    public static ExportRequest parse(Map<String, List<String>> params, String accept) {
        for (String name : PARAMETERS) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                throw new QueryException(name, name + " may be given only once");
            }
            if (values != null && values.getFirst().indexOf('\0') >= 0) {
                throw new QueryException(name, name + " must not contain the NUL character (U+0000)");
            }
        }
        Order order = ListRequestParser.order(Parameters.single(params, "order"));
        if (order instanceof Order.Shuffle) {
            throw new QueryException("order", "an export cannot be shuffled: it needs an order to resume in");
        }
        String after = Parameters.single(params, "after");
        var scan = new CdrScan(FilterParser.parse(Parameters.single(params, "filter")), order,
                after == null ? null : Cursor.after(after));
        String include = Parameters.single(params, "include_fields");
        String exclude = Parameters.single(params, "exclude_fields");
        FieldSelection selection = ListRequestParser.fieldSelection(include, exclude);
        return new ExportRequest(scan, columns(include, selection), format(Parameters.single(params, "format"), accept),
                zone(Parameters.single(params, "tz")));
    }

    /** The selected attributes in {@code include_fields} order (first mention), else in alphabetical order. */
    private static List<CdrField> columns(String include, FieldSelection selection) {
        var ordered = new LinkedHashSet<CdrField>();
        if (include != null) {
            for (String name : include.split(",", -1)) {
                CdrField.byWireName(name.strip()).filter(selection::includes).ifPresent(ordered::add);
            }
        } else {
            for (CdrField field : CdrField.values()) {
                if (selection.includes(field)) {
                    ordered.add(field);
                }
            }
        }
        return new ArrayList<>(ordered);
    }

    private static ExportFormat format(String format, String accept) {
        if (format != null) {
            return ExportFormat.byName(format).orElseThrow(() ->
                    new QueryException("format", "format must be ndjson or csv but found '" + format + "'"));
        }
        return fromAccept(accept).orElse(ExportFormat.NDJSON);
    }

    /**
     * The acceptable format with the highest quality, the earlier on a tie; none when {@code Accept} names
     * neither (for example {@code *}{@code /*}), which leaves the default.
     */
    static Optional<ExportFormat> fromAccept(String accept) {
        if (accept == null) {
            return Optional.empty();
        }
        ExportFormat best = null;
        double bestQuality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            Optional<ExportFormat> format = ExportFormat.byMediaType(parts[0].strip().toLowerCase(Locale.ROOT));
            double quality = quality(parts);
            if (format.isPresent() && quality > bestQuality) {
                best = format.get();
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static ZoneId zone(String tz) {
        if (tz == null) {
            return null;
        }
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            throw new QueryException("tz", "unknown time zone '" + tz + "'; use an IANA name such as Europe/Paris");
        }
    }
}
