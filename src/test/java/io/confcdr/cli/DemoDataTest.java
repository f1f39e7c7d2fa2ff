package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.boot.Services;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.model.ApiToken;
import io.confcdr.query.Visibility;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static final Instant NOW = Instant.parse("2024-12-14T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final MemoryStorage storage = new MemoryStorage(CLOCK);
    private final Services services = Services.over(storage, CLOCK);
    private final List<Integer> batchSizes = new ArrayList<>();

    private DemoData.Loaded load(long records) {
        services.ingestor().addListener((report, stored) -> batchSizes.add(report.accepted() + report.rejected().size()));
        return DemoData.load(new TrafficGenerator(TrafficSettings.ofSeed(42)), records, services);
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
        assertThat(storage.cdrs().find(loaded.sampleCallSid(), new Visibility(storage.partners().allSids()))).isPresent();
        assertThat(loaded.firstStop()).isBefore(loaded.lastStop());
    }

    @Test
    void issuesARootReadTokenSeeingDescendantsAnIngestTokenAndAManageToken() {
        var loaded = load(10);
        String root = new TrafficGenerator(TrafficSettings.ofSeed(42)).rootPartner().sid();

        List<ApiToken> issued = storage.tokens().listForPartners(storage.partners().allSids());
        assertThat(issued).extracting(ApiToken::partnerSid).containsOnly(root);
        assertThat(issued).extracting(ApiToken::scopes)
                .containsExactlyInAnyOrder(Set.of("app.read", "app.read_descendant"), Set.of("cdr.ingest"),
                        Set.of("app.manage", "app.read_descendant"));
        assertThat(services.authenticator().authenticate("Bearer " + loaded.readToken()).token().scopes())
                .isEqualTo(Set.of("app.read", "app.read_descendant"));
        assertThat(services.authenticator().authenticate("Bearer " + loaded.ingestToken()).token().scopes())
                .isEqualTo(Set.of("cdr.ingest"));
        assertThat(services.authenticator().authenticate("Bearer " + loaded.manageToken()).token().scopes())
                .isEqualTo(Set.of("app.manage", "app.read_descendant"));
    }
}
