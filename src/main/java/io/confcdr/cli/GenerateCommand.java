package io.confcdr.cli;

import io.confcdr.generate.NdjsonWriter;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.model.Cdr;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes realistic, reproducible conference traffic as ingest NDJSON to stdout. The records belong
 * to the generator's partner tree, which {@code --partners} prints for {@code partner import}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write generated CDRs as NDJSON to stdout (same seed, same records).",
                "Load them into a fresh store with:",
                "  confcdr generate --partners | confcdr partner import -",
                "  confcdr generate --records 100000 | confcdr import -"})
final class GenerateCommand implements Callable<Integer> {

    private static final int CHECK_EVERY = 16_384;

    private final CliContext context;

    @Option(names = "--records", defaultValue = "1000", paramLabel = "N", description = "How many records (default ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (UTC) of the calls (default 2024-12-02).")
    LocalDate from;

    @Option(names = "--days", defaultValue = "7", description = "Days the calls are spread over (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--partners", description = "Print the partner tree owning the records (NDJSON, for 'partner import') instead of records.")
    boolean partnersOnly;

    @Option(names = "--partners-out", paramLabel = "FILE", description = "Also write the partner tree to FILE.")
    Path partnersOut;

    GenerateCommand(CliContext context) {
        this.context = context;
    }

    /** System.out swallows write errors (a closed pipe) and only reports them here. */
    private boolean readerHasGone() {
        return context.out() instanceof PrintStream stdout && stdout.checkError();
    }

    @Override
    public Integer call() throws IOException {
        if (records < 0 || days < 1) {
            throw CliException.usage("--records must be >= 0 and --days >= 1");
        }
        var settings = new TrafficSettings(seed, from == null ? TrafficSettings.DEFAULT_FROM : from, days);
        var generator = new TrafficGenerator(settings);
        if (partnersOut != null) {
            try (var out = new PrintWriter(Files.newBufferedWriter(partnersOut, StandardCharsets.UTF_8))) {
                PartnerNdjson.write(generator.partners(), out);
            }
        }
        if (partnersOnly) {
            var out = new PrintWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8));
            PartnerNdjson.write(generator.partners(), out);
            return ExitCodes.OK;
        }
        Iterator<Cdr> traffic = generator.records(records);
        try (var writer = new NdjsonWriter(context.out())) {
            while (traffic.hasNext()) {
                writer.write(traffic.next());
                if (writer.written() % CHECK_EVERY == 0 && readerHasGone()) {
                    // Like other Unix filters: `generate | head` stops quietly when head has enough.
                    return ExitCodes.OK;
                }
            }
        }
        return ExitCodes.OK;
    }
}
