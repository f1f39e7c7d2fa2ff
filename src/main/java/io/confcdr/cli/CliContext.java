package io.confcdr.cli;

import io.confcdr.auth.IssuedToken;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.ingest.IngestReport;
import io.confcdr.ingest.Ingestor;
import io.confcdr.store.Storage;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * What commands get from the outside world: standard streams, the clock, and the factories of the
 * services they drive. {@link #system()} wires the real ones; tests pass their own (an in-memory
 * store, captured output).
 */
public record CliContext(
        InputStream in,
        OutputStream out,
        OutputStream err,
        Clock clock,
        StorageOpener storageOpener,
        IngestorFactory ingestors,
        TokenIssuerFactory tokenIssuers) {

    /** Opens the store a command works on. */
    @FunctionalInterface
    public interface StorageOpener {
        /** @param jdbcUrl null for the embedded store in {@code dataDir} */
        Storage open(Path dataDir, String jdbcUrl);
    }

    /** Stores one NDJSON batch, exactly as the HTTP ingest endpoint would. */
    @FunctionalInterface
    public interface BatchIngestor {
        IngestReport ingestNdjson(InputStream batch);
    }

    @FunctionalInterface
    public interface IngestorFactory {
        BatchIngestor create(Storage storage, Clock clock);
    }

    /** Issues a token; {@code expires} null for one that does not expire. */
    @FunctionalInterface
    public interface TokenMinter {
        IssuedToken issue(String partnerSid, String name, Set<String> scopes, Instant expires);
    }

    @FunctionalInterface
    public interface TokenIssuerFactory {
        TokenMinter create(Storage storage, Clock clock);
    }

    public static CliContext system() {
        return new CliContext(System.in, System.out, System.err, Clock.systemUTC(), StorageOptions::openCreatingDataDir,
                (storage, clock) -> new Ingestor(storage, clock)::ingestNdjson,
                (storage, clock) -> new TokenIssuer(storage.tokens(), clock)::issue);
    }
}
