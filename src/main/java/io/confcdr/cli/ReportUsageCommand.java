package io.confcdr.cli;

import io.confcdr.auth.Caller;
import io.confcdr.boot.Services;
import io.confcdr.report.GroupKey;
import io.confcdr.report.Measures;
import io.confcdr.report.ReportRequests;
import io.confcdr.report.UsageQuery;
import io.confcdr.report.UsageRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code confcdr report usage}: GET …/reports/usage for the operator, every row at once. */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = "Legs, meetings, minutes and peak concurrency by group keys, over every partner's legs.")
final class ReportUsageCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    ReportOptions report;

    @Option(names = "--group-by", paramLabel = "KEYS",
            description = "Comma-separated: partner_sid, meeting_sid, meeting_room_sid, bridge, node, direction, role, "
                    + "disconnect_cause, custom_call_type, hour, day, month. None: one total row.")
    String groupBy;

    @Option(names = "--rollup", paramLabel = "tree", description = "tree: partner rows include their descendants' legs.")
    String rollup;

    ReportUsageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, List<String>> params = report.parameters();
        ReportOptions.put(params, "group_by", groupBy);
        ReportOptions.put(params, "rollup", rollup);
        UsageQuery query = ReportOptions.parse(params, ReportRequests::usage);
        ReportTable.Format format = report.format();
        List<UsageRow> rows;
        try (Services services = storage.open(context)) {
            rows = services.reports().readerFor(Caller.operator()).usage(query);
        }
        List<String> header = new ArrayList<>(query.groupBy().stream().map(GroupKey::wireName).toList());
        header.addAll(List.of("legs", "meetings", "minutes", "billable_minutes", "joined_legs", "failed_legs", "peak_concurrent_legs"));
        if (query.rollupTree()) {
            header.add("self_legs");
        }
        var table = new ReportTable(header);
        for (UsageRow row : rows) {
            List<String> cells = new ArrayList<>();
            row.keys().forEach(key -> cells.add(key == null ? null : key.toString()));
            Measures m = row.measures();
            cells.addAll(List.of(Long.toString(m.legs()), Long.toString(m.meetings()), m.minutesText(),
                    m.billableMinutes().toString(), Long.toString(m.joinedLegs()), Long.toString(m.failedLegs()),
                    Long.toString(m.peakConcurrentLegs())));
            if (m.selfLegs() != null) {
                cells.add(Long.toString(m.selfLegs()));
            }
            table.add(cells);
        }
        table.print(spec.commandLine().getOut(), format);
        return ExitCodes.OK;
    }
}
