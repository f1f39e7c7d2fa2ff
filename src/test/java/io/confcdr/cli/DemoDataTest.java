package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.IssuedToken;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.ingest.IngestReport;
import io.confcdr.model.ApiToken;
import io.confcdr.store.memory.MemoryStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static final Instant NOW = Instant.parse("2024-12-14T10:00:00Z");

    private final MemoryStorage storage = new MemoryStorage(Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<Integer> batchSizes = new ArrayList<>();
    private final List<ApiToken> issued = new ArrayList<>();

    private DemoData.Loaded load(long records) {
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(42));
        return DemoData.load(generator, records, storage.partners(), batch -> {
            try {
                int lines = CliHarness.lines(new String(batch.readAllBytes(), StandardCharsets.UTF_8));
                batchSizes.add(lines);
                return new IngestReport(lines, 0, List.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (partner, name, scopes, expires) -> {
            var token = new ApiToken("t" + issued.size(), partner, name, scopes, NOW, expires, null, null);
            issued.add(token);
            return new IssuedToken(token, "secret-" + name);
        }, NOW);
    }

    @Test
    void createsTheGeneratorsPartnerTreeBeforeIngesting() {
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(42));

        load(10);

        assertThat(storage.partners().subtree(generator.rootPartner().sid())).hasSize(generator.partners().size());
    }

    @Test
    void ingestsEveryGeneratedRecordInBatches() {
        var loaded = load(12_000);

        assertThat(batchSizes).containsExactly(5_000, 5_000, 2_000);
        assertThat(loaded.accepted()).isEqualTo(12_000);
        assertThat(loaded.sampleCallSid()).isNotBlank();
        assertThat(loaded.firstStop()).isBefore(loaded.lastStop());
    }

    @Test
    void issuesARootReadTokenSeeingDescendantsAndAnIngestToken() {
        var loaded = load(10);
        String root = new TrafficGenerator(TrafficSettings.ofSeed(42)).rootPartner().sid();

        assertThat(issued).extracting(ApiToken::partnerSid).containsOnly(root);
        assertThat(issued).extracting(ApiToken::scopes)
                .containsExactly(Set.of("app.read", "app.read_descendant"), Set.of("cdr.ingest"));
        assertThat(loaded.readToken()).isEqualTo("secret-demo read");
        assertThat(loaded.ingestToken()).isEqualTo("secret-demo ingest");
    }
}
