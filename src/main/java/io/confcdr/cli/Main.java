package io.confcdr.cli;

import io.confcdr.store.StoreUnavailableException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * {@code confcdr}: serve the API, run a demo, manage partners and tokens, import and generate CDRs.
 * Exit codes: 0 ok, 1 records rejected, 2 usage or configuration error, 3 unexpected failure.
 */
@Command(name = "confcdr", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Conference CDR service, wire-compatible with the CarrierX Core API v2 conference CDR endpoints.",
        subcommands = {ServeCommand.class, DemoCommand.class, PartnerCommand.class, TokenCommand.class,
                ImportCommand.class, ExportCommand.class, GenerateCommand.class, ReportCommand.class,
                WebhookCommand.class, BackupCommand.class, RestoreCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of unexpected errors.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs one command line; returns the exit code. */
    public static int run(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    public static CommandLine commandLine(CliContext context) {
        var commandLine = new CommandLine(new Main(), new ContextFactory(context));
        commandLine.setOut(writer(context.out()));
        commandLine.setErr(writer(context.err()));
        commandLine.setExecutionExceptionHandler(Main::handle);
        return commandLine;
    }

    private static PrintWriter writer(java.io.OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /**
     * One clear line on stderr; the stack trace only on {@code --verbose}. A failure a user can fix is a
     * {@link CliException} thrown by the command with words of its own; what reaches the default here is a bug.
     */
    private static int handle(Exception error, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        int exitCode;
        String message;
        switch (error) {
            case CliException cli -> {
                exitCode = cli.exitCode();
                message = cli.getMessage();
            }
            case StoreUnavailableException unavailable -> {
                exitCode = ExitCodes.USAGE;
                message = "store unavailable: " + unavailable.getMessage();
            }
            case IllegalArgumentException invalid -> {
                exitCode = ExitCodes.USAGE;
                message = invalid.getMessage();
            }
            case UncheckedIOException io -> {
                exitCode = ExitCodes.USAGE;
                message = io.getCause().getMessage();
            }
            default -> {
                exitCode = ExitCodes.FAILURE;
                // A bug: its own words, never a class name; the trace is for --verbose and the bug report.
                String what = error.getMessage() == null || error.getMessage().isBlank()
                        ? "no details" : error.getMessage().lines().findFirst().orElse("");
                message = "unexpected error, a bug in confcdr: " + what
                        + (isVerbose(parsed) ? "" : " (run again with --verbose for the details to report)");
            }
        }
        err.println("confcdr: " + message);
        if (isVerbose(parsed)) {
            error.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    private static boolean isVerbose(ParseResult parsed) {
        return parsed.originalArgs().contains("--verbose");
    }

    /** Gives commands that ask for it (a constructor taking a {@link CliContext}) the context. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException noContext) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"confcdr " + io.confcdr.boot.Version.current() + " on Java " + Runtime.version()};
        }
    }
}
