package io.confcdr.cli;

import io.confcdr.auth.Caller;
import io.confcdr.boot.Services;
import io.confcdr.model.Timestamps;
import io.confcdr.report.ConcurrencyBucket;
import io.confcdr.report.ConcurrencyQuery;
import io.confcdr.report.ReportRequests;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code confcdr report concurrency}: GET …/reports/concurrency for the operator, every bucket at once. */
@Command(name = "concurrency", mixinStandardHelpOptions = true,
        description = "Peak concurrent legs and legs started per time bucket, over every partner's legs.")
final class ReportConcurrencyCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    ReportOptions report;

    @Option(names = "--interval", paramLabel = "5m|15m|1h|1d", description = "Bucket width (default 1h).")
    String interval;

    ReportConcurrencyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, List<String>> params = report.parameters();
        ReportOptions.put(params, "interval", interval);
        ConcurrencyQuery query = ReportOptions.parse(params, ReportRequests::concurrency);
        ReportTable.Format format = report.format();
        List<ConcurrencyBucket> buckets;
        try (Services services = storage.open(context)) {
            buckets = ReportOptions.parse(Map.of(), ignored -> services.reports().readerFor(Caller.operator()).concurrency(query));
        }
        var table = new ReportTable(List.of("from", "to", "peak_concurrent_legs", "legs_started"));
        for (ConcurrencyBucket bucket : buckets) {
            table.add(List.of(Timestamps.format(bucket.from()), Timestamps.format(bucket.to()),
                    Long.toString(bucket.peakConcurrentLegs()), Long.toString(bucket.legsStarted())));
        }
        table.print(spec.commandLine().getOut(), format);
        return ExitCodes.OK;
    }
}
