package io.confcdr.cli;

import io.confcdr.boot.Services;
import io.confcdr.config.ServeConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * What commands get from the outside world: standard streams, the clock, the environment, whether a person
 * watches a terminal, and how to open the services of a store. {@link #system()} wires the real ones; tests
 * pass their own streams and a store of their own.
 *
 * @param env the value of an environment variable, or null when it is not set
 * @param terminal whether progress may be drawn on stderr (a person watches a terminal)
 */
public record CliContext(InputStream in, OutputStream out, OutputStream err, Clock clock, ServicesOpener services,
        UnaryOperator<String> env, boolean terminal) {

    /** Opens the composition root over the store a command works on. */
    @FunctionalInterface
    public interface ServicesOpener {
        /** @param jdbcUrl null for the embedded store in {@code dataDir} */
        Services open(Path dataDir, String jdbcUrl);

        /** The services {@code serve} runs on; an opener that ignores the tuning opens the store alone. */
        default Services open(ServeConfig config) {
            return open(config.dataDir(), config.dbUrl());
        }
    }

    /** A context without environment variables and without a terminal (tests, embedders). */
    public CliContext(InputStream in, OutputStream out, OutputStream err, Clock clock, ServicesOpener services) {
        this(in, out, err, clock, services, name -> null, false);
    }

    public static CliContext system() {
        Clock clock = Clock.systemUTC();
        return new CliContext(System.in, System.out, System.err, clock, new SystemOpener(clock),
                System::getenv, isTerminal());
    }

    /** The real stores: the embedded one's directory created on first use, the pool and limits configured. */
    private record SystemOpener(Clock clock) implements ServicesOpener {
        @Override
        public Services open(Path dataDir, String jdbcUrl) {
            return Services.open(StorageOptions.createdIfEmbedded(dataDir, jdbcUrl), jdbcUrl, clock);
        }

        @Override
        public Services open(ServeConfig config) {
            StorageOptions.createdIfEmbedded(config.dataDir(), config.dbUrl());
            return Services.open(config, clock);
        }
    }

    /**
     * Since Java 22 {@code System.console()} is there even when the streams are redirected, and
     * {@code Console.isTerminal()} tells; on Java 21 a console exists only on a terminal.
     */
    private static boolean isTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException | RuntimeException java21) {
            return true;
        }
    }
}
