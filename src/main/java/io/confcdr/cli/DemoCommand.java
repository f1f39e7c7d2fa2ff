package io.confcdr.cli;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.model.Timestamps;
import io.confcdr.boot.Services;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A working service in one command: a fresh embedded store filled with generated traffic of the last
 * days, tokens, and curl lines to try, served until stopped. It delivers push subscriptions as
 * {@code serve} does, to private addresses too: a demo's receiver runs on the same machine.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a server on a fresh store filled with generated traffic; prints a token and curl lines.")
final class DemoCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for all).")
    String host;

    @Option(names = "--records", defaultValue = "20000", description = "Generated records (default ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--days", defaultValue = "7", description = "Days of traffic, ending today (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Empty or new directory for the store, kept (default: a new temporary one, removed on exit).")
    Path dataDir;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (records < 1 || days < 1) {
            throw CliException.usage("--records and --days must be at least 1");
        }
        var address = new ListenAddress(host, port);
        // Before minutes of generating: the port must still be free once the store is full.
        address.requireFree();
        boolean temporary = dataDir == null;
        Path dir = freshDataDir();
        Runnable removeTemporary = () -> {
            if (temporary) {
                TemporaryStore.delete(dir);
            }
        };
        PrintWriter err = spec.commandLine().getErr();
        err.println("confcdr demo: generating " + records + " records into " + dir + " …");
        err.flush();
        Instant now = context.clock().instant();
        LocalDate from = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days);
        var generator = new TrafficGenerator(new TrafficSettings(seed, from, days));
        Services services;
        ApiServer server;
        DemoData.Loaded loaded;
        try {
            services = context.services().open(dir, null);
        } catch (RuntimeException e) {
            removeTemporary.run();
            throw e;
        }
        try {
            loaded = DemoData.load(generator, records, services);
            services.subscriptions().allowPrivateUrls(true);
            services.startDelivery();
            server = ServeCommand.start(services, address,
                    new ApiConfig(address.host(), address.port(), null, ApiConfig.DEFAULT_MAX_INGEST_BYTES));
        } catch (RuntimeException e) {
            services.close();
            removeTemporary.run();
            throw e;
        }
        printBanner(spec.commandLine().getOut(), ServerRunner.displayUrl(host, server.port(), false, null), dir, loaded,
                LocalDate.ofInstant(now, ZoneOffset.UTC));
        ServerRunner.runUntilStopped(server, services, removeTemporary);
        return ExitCodes.OK;
    }

    private Path freshDataDir() throws IOException {
        if (dataDir == null) {
            return Files.createTempDirectory("confcdr-demo-");
        }
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw CliException.usage("--data " + dataDir + " is not empty; the demo needs a fresh store");
                }
            }
        }
        return Files.createDirectories(dataDir);
    }

    static void printBanner(PrintWriter out, String url, Path dir, DemoData.Loaded loaded, LocalDate today) {
        String calls = url + "/core/v2/app/conference/calls";
        // A filter on the second half of the generated range: a realistic "recent calls" query.
        Instant middle = loaded.firstStop().plus(
                ChronoUnit.MILLIS.between(loaded.firstStop(), loaded.lastStop()) / 2, ChronoUnit.MILLIS);
        String since = Timestamps.format(middle.truncatedTo(ChronoUnit.HOURS)).replace(".000Z", "Z");
        out.println("confcdr demo: " + loaded.accepted() + " calls from " + Timestamps.format(loaded.firstStop())
                + " to " + Timestamps.format(loaded.lastStop()) + " (store in " + dir + ")");
        if (loaded.rejected() > 0) {
            out.println("warning: " + loaded.rejected() + " generated records were rejected");
        }
        out.println();
        out.println("API           " + url);
        out.println("read token    " + loaded.readToken() + "   (root partner and descendants)");
        out.println("ingest token  " + loaded.ingestToken() + "   (cdr.ingest)");
        out.println("manage token  " + loaded.manageToken() + "   (app.manage: push subscriptions of the whole tree)");
        out.println();
        out.println("Try:");
        out.println("  curl -sG '" + calls + "' -H 'Authorization: Bearer " + loaded.readToken() + "' \\");
        out.println("       --data-urlencode 'filter=date_stop ge " + since + "' --data-urlencode 'limit=5'");
        out.println("  curl -s '" + calls + "/" + loaded.sampleCallSid() + "' -H 'Authorization: Bearer "
                + loaded.readToken() + "'");
        out.println();
        out.println("Push (a receiver on this machine; the subscription prints its secret once):");
        out.println("  curl -s '" + url + "/core/v2/app/conference/subscriptions' -H 'Authorization: Bearer "
                + loaded.manageToken() + "' \\");
        out.println("       -H 'Content-Type: application/json' -d '{\"url\":\"http://127.0.0.1:9000/cdrs\"}'");
        out.println("  bin/confcdr webhook listen --port 9000 --secret <the secret>   # in another terminal");
        out.println("  bin/confcdr generate --records 100 --seed 7 --from " + today
                + " --days 1 | curl -s '" + url + "/ingest/v1/conference/calls' \\");
        out.println("       -H 'Authorization: Bearer " + loaded.ingestToken()
                + "' -H 'Content-Type: application/x-ndjson' --data-binary @-");
        out.println();
        out.println("Stop with Ctrl-C.");
        out.flush();
    }
}
