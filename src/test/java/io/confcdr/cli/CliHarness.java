package io.confcdr.cli;

import io.confcdr.auth.IssuedToken;
import io.confcdr.cli.CliContext.BatchIngestor;
import io.confcdr.cli.CliContext.StorageOpener;
import io.confcdr.ingest.IngestReport;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Partner;
import io.confcdr.store.memory.MemoryStorage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the CLI as a user would, against an in-memory store, with captured output. Ingest and token
 * issuing are replaced by recording fakes: their real implementations are tested in their own packages.
 */
final class CliHarness {

    static final Instant NOW = Instant.parse("2024-12-14T10:00:00Z");

    record Result(int exitCode, String out, String err) {
    }

    /** A token request as the CLI made it. */
    record TokenRequest(String partnerSid, String name, Set<String> scopes, Instant expires) {
    }

    final MemoryStorage storage;
    final List<TokenRequest> tokenRequests = new ArrayList<>();
    final List<String> ingestedBatches = new ArrayList<>();
    private StorageOpener opener;
    private Function<String, IngestReport> ingestAnswer = batch -> new IngestReport(lines(batch), 0, List.of());
    private String stdin = "";

    CliHarness() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        this.storage = new MemoryStorage(clock);
        this.opener = (dir, url) -> storage;
    }

    CliHarness withPartner(String sid, String parentSid) {
        storage.partners().create(new Partner(sid, "Partner " + sid, parentSid, Partner.ACTIVE, NOW));
        return this;
    }

    CliHarness withStdin(String text) {
        this.stdin = text;
        return this;
    }

    CliHarness withStorageOpener(StorageOpener opener) {
        this.opener = opener;
        return this;
    }

    /** How the fake ingestor answers each batch (given the batch's text). */
    CliHarness withIngestAnswer(Function<String, IngestReport> answer) {
        this.ingestAnswer = answer;
        return this;
    }

    Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var context = new CliContext(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
                Clock.fixed(NOW, ZoneOffset.UTC), opener,
                (store, clock) -> this::ingest,
                (store, clock) -> (partner, name, scopes, expires) -> {
                    tokenRequests.add(new TokenRequest(partner, name, scopes, expires));
                    var token = new ApiToken("tok-" + tokenRequests.size(), partner, name, scopes, NOW, expires, null, null);
                    return new IssuedToken(token, "secret-" + tokenRequests.size());
                });
        int exitCode = Main.run(context, args);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private IngestReport ingest(InputStream batch) {
        try {
            String text = new String(batch.readAllBytes(), StandardCharsets.UTF_8);
            ingestedBatches.add(text);
            return ingestAnswer.apply(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int lines(String batch) {
        return (int) batch.lines().filter(line -> !line.isBlank()).count();
    }

}
