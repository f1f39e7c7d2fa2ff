package io.confcdr.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.auth.Caller;
import io.confcdr.auth.ForbiddenException;
import io.confcdr.auth.Scopes;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Partner;
import io.confcdr.model.SequenceRange;
import io.confcdr.query.QueryException;
import io.confcdr.query.Visibility;
import io.confcdr.store.SourceStore;
import io.confcdr.store.SourceStore.SourceState;
import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Source sequences as the use case keeps them, without HTTP: which numbers a batch adds, and who sees them. */
class SourceSequencesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String RECORD = "{\"call_sid\":\"%s\",\"partner_sid\":\"%s\","
            + "\"date_start\":\"2024-12-14T10:03:14Z\",\"date_stop\":\"2024-12-14T10:04:04Z\"}";

    private final Storage storage = new MemoryStorage(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Ingestor ingestor = new Ingestor(storage, Clock.fixed(NOW, ZoneOffset.UTC));
    private final SourceSequences sources = new SourceSequences(storage.sources(), storage.partners());
    private final Caller acme = bridge("acme");
    private final Caller emea = bridge("acme-emea");
    private final Caller globex = bridge("globex");

    SourceSequencesTest() {
        storage.partners().create(new Partner("acme", "Acme", null, Partner.ACTIVE, NOW));
        storage.partners().create(new Partner("acme-emea", "Acme EMEA", "acme", Partner.ACTIVE, NOW));
        storage.partners().create(new Partner("globex", "Globex", null, Partner.ACTIVE, NOW));
    }

    private static Caller bridge(String partnerSid) {
        return new Caller.Bearer(new ApiToken("tok-" + partnerSid, partnerSid, "bridge", Set.of(Scopes.CDR_INGEST), NOW, null, null, null));
    }

    private static InputStream lines(String... lines) {
        return new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private IngestReport send(Caller caller, String source, long first, String... lines) {
        return ingestor.ingest(caller, BodyFormat.NDJSON, lines(lines), new SourceBatch(source, first));
    }

    private SourceState only(Caller caller) {
        List<SourceState> seen = sources.list(caller);
        assertThat(seen).hasSize(1);
        return seen.getFirst();
    }

    @Test
    void acceptedDuplicateAndRejectedRecordsAreAllReceivedButBlankLinesAreNotRecords() {
        IngestReport report = send(acme, "bridge-1", 100,
                RECORD.formatted("c1", "acme"), "", RECORD.formatted("c1", "acme"), "not json", RECORD.formatted("c2", "globex"));

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.rejected()).hasSize(2);
        SourceState state = only(acme);
        assertThat(state.received().ranges()).containsExactly(new SequenceRange(100, 103));
        assertThat(state.dateLastSeen()).isEqualTo(NOW);
    }

    @Test
    void aBatchWhoseRecordsAreAllRejectedStillCountsAsReceived() {
        send(acme, "bridge-1", 0, RECORD.formatted("c1", "initech"), RECORD.formatted("c2", "initech"));

        assertThat(only(acme).received().count()).isEqualTo(2);
    }

    @Test
    void aBatchRefusedWholeReceivesNothing() {
        var tiny = new Ingestor(storage, Clock.fixed(NOW, ZoneOffset.UTC), 1);

        assertThatThrownBy(() -> tiny.ingest(acme, BodyFormat.NDJSON,
                lines(RECORD.formatted("c1", "acme"), RECORD.formatted("c2", "acme")), new SourceBatch("bridge-1", 0)))
                .isInstanceOf(BatchTooLargeException.class);
        assertThatThrownBy(() -> ingestor.ingest(acme, BodyFormat.JSON_ARRAY, lines("[{"), new SourceBatch("bridge-1", 0)))
                .isInstanceOf(MalformedBodyException.class);
        assertThat(sources.list(acme)).isEmpty();
    }

    @Test
    void aBatchNumberedPastTwoToTheFiftyThirdStoresNothing() {
        long last = SourceBatch.MAX_SEQUENCE;

        assertThatThrownBy(() -> send(acme, "bridge-1", last, RECORD.formatted("c1", "acme"), RECORD.formatted("c2", "acme")))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.field()).isEqualTo("Confcdr-Sequence"));
        assertThat(storage.cdrs().find("c1", Visibility.of("acme"))).isEmpty();

        send(acme, "bridge-1", last, RECORD.formatted("c1", "acme"));
        assertThat(only(acme).received().highest()).isEqualTo(last);
    }

    @Test
    void aLostBatchShowsAsExactlyItsNumbersUntilItIsResent() {
        send(acme, "bridge-1", 0, RECORD.formatted("c1", "acme"), RECORD.formatted("c2", "acme"));
        send(acme, "bridge-1", 4, RECORD.formatted("c5", "acme"));
        assertThat(only(acme).received().missing()).containsExactly(new SequenceRange(2, 3));

        send(acme, "bridge-1", 2, RECORD.formatted("c3", "acme"), RECORD.formatted("c4", "acme"));

        assertThat(only(acme).received().missing()).isEmpty();
        assertThat(only(acme).received().count()).isEqualTo(5);
    }

    @Test
    void aSourceBelongsToTheSendersPartnerAndIsSeenFromItsSubtreeOnly() {
        send(emea, "bridge-1", 0, RECORD.formatted("c1", "acme-emea"));
        send(globex, "bridge-1", 10, RECORD.formatted("c2", "globex"));

        assertThat(only(emea).source()).isEqualTo(new SourceStore.Source("acme-emea", "bridge-1"));
        assertThat(sources.list(acme)).extracting(state -> state.source().owner()).containsExactly("acme-emea");
        assertThat(only(globex).received().highest()).isEqualTo(10);
        assertThat(sources.list(Caller.operator())).hasSize(2);
    }

    @Test
    void listingSourcesNeedsCdrIngest() {
        var reader = new Caller.Bearer(new ApiToken("tok", "acme", "reader", Set.of(Scopes.APP_READ), NOW, null, null, null));

        assertThatThrownBy(() -> sources.list(reader)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void listenersHearTheGapsOfTheSourceAfterEachBatch() {
        List<Integer> heard = new ArrayList<>();
        ingestor.addSourceListener((source, gaps) -> heard.add(gaps));

        send(acme, "bridge-1", 0, RECORD.formatted("c1", "acme"));
        send(acme, "bridge-1", 5, RECORD.formatted("c2", "acme"));
        ingestor.ingest(acme, BodyFormat.NDJSON, lines(RECORD.formatted("c3", "acme")));
        send(acme, "bridge-1", 1, RECORD.formatted("c3", "acme"), "{}", "{}", "{}");

        assertThat(heard).containsExactly(0, 1, 0);
    }

    @Test
    void headersAreValidatedAndNamedInTheError() {
        assertThat(SourceBatch.parse(null, null)).isEmpty();
        assertThat(SourceBatch.parse("bridge-1", "9007199254740992")).contains(new SourceBatch("bridge-1", 1L << 53));
        assertRefused("bridge-1", null, "Confcdr-Sequence");
        assertRefused(null, "0", "Confcdr-Source");
        assertRefused("bridge 1", "0", "Confcdr-Source");
        assertRefused("", "0", "Confcdr-Source");
        assertRefused("b".repeat(129), "0", "Confcdr-Source");
        assertRefused("bridge-1", "-1", "Confcdr-Sequence");
        assertRefused("bridge-1", "1.5", "Confcdr-Sequence");
        assertRefused("bridge-1", "9007199254740993", "Confcdr-Sequence");
        assertRefused("bridge-1", "99999999999999999999", "Confcdr-Sequence");
    }

    private static void assertRefused(String source, String sequence, String header) {
        assertThatThrownBy(() -> SourceBatch.parse(source, sequence))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.field()).isEqualTo(header));
    }
}
