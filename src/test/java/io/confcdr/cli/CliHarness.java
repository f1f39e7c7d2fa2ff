package io.confcdr.cli;

import io.confcdr.boot.Services;
import io.confcdr.ingest.IngestListener;
import io.confcdr.model.Partner;
import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the CLI as a user would, with the real services over an in-memory store (or a store the test
 * provides), and captured output.
 */
final class CliHarness {

    static final Instant NOW = Instant.parse("2024-12-14T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    record Result(int exitCode, String out, String err) {
    }

    final MemoryStorage storage = new MemoryStorage(CLOCK);
    private final List<IngestListener> ingestListeners = new ArrayList<>();
    private CliContext.ServicesOpener opener = (dir, url) -> services(storage);
    private String stdin = "";
    private byte[] stdinBytes;
    private final java.util.Map<String, String> env = new java.util.HashMap<>();

    private Services services(Storage store) {
        Services services = Services.over(store, CLOCK);
        ingestListeners.forEach(services.ingestor()::addListener);
        return services;
    }

    /** {@code listener} hears of every batch the commands ingest. */
    CliHarness withIngestListener(IngestListener listener) {
        ingestListeners.add(listener);
        return this;
    }

    CliHarness withPartner(String sid, String parentSid) {
        storage.partners().create(new Partner(sid, "Partner " + sid, parentSid, Partner.ACTIVE, NOW));
        return this;
    }

    CliHarness withStdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Standard input as raw bytes (gzip, say). */
    CliHarness withStdin(byte[] bytes) {
        this.stdinBytes = bytes;
        return this;
    }

    /** The commands see {@code name} set to {@code value} in their environment (and nothing else set). */
    CliHarness withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Commands work on {@code store} instead (for example one that fails on purpose). */
    CliHarness withStorage(Storage store) {
        this.opener = (dir, url) -> services(store);
        return this;
    }

    CliHarness withServicesOpener(CliContext.ServicesOpener opener) {
        this.opener = opener;
        return this;
    }

    Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        byte[] input = stdinBytes != null ? stdinBytes : stdin.getBytes(StandardCharsets.UTF_8);
        var context = new CliContext(new ByteArrayInputStream(input), out, err, CLOCK, opener, env::get, false);
        int exitCode = Main.run(context, args);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
