package io.confcdr.cli;

import io.confcdr.boot.Services;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What commands get from the outside world: standard streams, the clock, and how to open the services of
 * a store. {@link #system()} wires the real ones; tests pass their own streams and a store of their own.
 */
public record CliContext(InputStream in, OutputStream out, OutputStream err, Clock clock, ServicesOpener services) {

    /** Opens the composition root over the store a command works on. */
    @FunctionalInterface
    public interface ServicesOpener {
        /** @param jdbcUrl null for the embedded store in {@code dataDir} */
        Services open(Path dataDir, String jdbcUrl);
    }

    public static CliContext system() {
        Clock clock = Clock.systemUTC();
        return new CliContext(System.in, System.out, System.err, clock,
                (dataDir, jdbcUrl) -> Services.open(StorageOptions.createdIfEmbedded(dataDir, jdbcUrl), jdbcUrl, clock));
    }
}
