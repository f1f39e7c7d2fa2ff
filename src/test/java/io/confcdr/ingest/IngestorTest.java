package io.confcdr.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.auth.Caller;
import io.confcdr.auth.ForbiddenException;
import io.confcdr.auth.Scopes;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Cdr;
import io.confcdr.model.Partner;
import io.confcdr.query.Visibility;
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

/** The import path ({@code confcdr import}): the same validation, for any existing partner. */
class IngestorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String RECORD = "{\"call_sid\":\"%s\",\"partner_sid\":\"%s\","
            + "\"date_start\":\"2024-12-14T10:03:14Z\",\"date_stop\":\"2024-12-14T10:04:04Z\"}";

    private final Storage storage = new MemoryStorage(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Ingestor ingestor = new Ingestor(storage, Clock.fixed(NOW, ZoneOffset.UTC));

    IngestorTest() {
        storage.partners().create(new Partner("acme", "Acme", null, Partner.ACTIVE, NOW));
        storage.partners().create(new Partner("globex", "Globex", null, Partner.ACTIVE, NOW));
    }

    private static InputStream lines(String... lines) {
        return new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theOperatorImportsForAnyExistingPartner() {
        IngestReport report = ingestor.ingestNdjson(lines(RECORD.formatted("c1", "acme"), RECORD.formatted("c2", "globex")));

        assertThat(report).isEqualTo(new IngestReport(2, 0, List.of()));
    }

    @Test
    void theOperatorCannotImportForAPartnerThatDoesNotExist() {
        IngestReport report = ingestor.ingestNdjson(lines(RECORD.formatted("c1", "initech")));

        assertThat(report.rejected()).containsExactly(new IngestReport.Rejection(0, "c1",
                List.of(new IngestReport.Reason("partner_sid", "unknown partner"))));
        assertThat(storage.cdrs().find("c1", io.confcdr.query.Visibility.of("initech"))).isEmpty();
    }

    @Test
    void aTokenWritesForItsOwnPartnerAndDescendantsOnly() {
        storage.partners().create(new Partner("acme-emea", "Acme EMEA", "acme", Partner.ACTIVE, NOW));
        var bridge = new Caller.Bearer(new ApiToken("tok", "acme", "bridge", Set.of(Scopes.CDR_INGEST), NOW, null, null, null));

        IngestReport report = ingestor.ingest(bridge, BodyFormat.NDJSON, lines(RECORD.formatted("c1", "acme"),
                RECORD.formatted("c2", "acme-emea"), RECORD.formatted("c3", "globex")));

        assertThat(report).isEqualTo(new IngestReport(2, 0, List.of(new IngestReport.Rejection(2, "c3",
                List.of(new IngestReport.Reason("partner_sid", "unknown partner"))))));
    }

    @Test
    void aTokenWithoutCdrIngestStoresNothing() {
        var reader = new Caller.Bearer(new ApiToken("tok", "acme", "reader", Set.of(Scopes.APP_READ), NOW, null, null, null));

        assertThatThrownBy(() -> ingestor.ingest(reader, BodyFormat.NDJSON, lines(RECORD.formatted("c1", "acme"))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(storage.cdrs().find("c1", Visibility.of("acme"))).isEmpty();
    }

    @Test
    void listenersHearOfEachCommittedBatchWithTheRecordsItStored() {
        List<List<String>> heard = new ArrayList<>();
        ingestor.addListener((report, stored) -> heard.add(stored.stream().map(Cdr::callSid).toList()));
        ingestor.ingestNdjson(lines(RECORD.formatted("c1", "acme")));

        ingestor.ingestNdjson(lines(RECORD.formatted("c1", "acme"), RECORD.formatted("c2", "acme")));

        assertThat(heard).containsExactly(List.of("c1"), List.of("c2"));
    }

    @Test
    void aRecordForADeletedPartnerIsRejectedNotOrphaned() {
        storage.partners().create(new Partner("gone", "Gone", null, Partner.ACTIVE, NOW));
        storage.partners().delete("gone", NOW);

        IngestReport report = ingestor.ingestNdjson(lines(RECORD.formatted("c1", "gone")));

        assertThat(report.rejected()).extracting(IngestReport.Rejection::callSid).containsExactly("c1");
        assertThat(storage.cdrs().find("c1", Visibility.of("gone"))).isEmpty();
    }

    @Test
    void importedDurationsAreComputedFromTheDates() {
        ingestor.ingestNdjson(lines(RECORD.formatted("c1", "acme")));

        var stored = storage.cdrs().find("c1", io.confcdr.query.Visibility.of("acme")).orElseThrow();
        assertThat(stored.duration().toWire()).isEqualTo("50");
        assertThat(stored.durationMeeting().toWire()).isEqualTo("0");
    }

    @Test
    void bytesThatAreNotUtf8SpoilTheWholeBody() {
        byte[] body = (RECORD.formatted("c1", "acme") + "\n{\"call_sid\":\"\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ingestor.ingestNdjson(new ByteArrayInputStream(body)))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage("the body is not valid UTF-8");
        assertThat(storage.cdrs().find("c1", io.confcdr.query.Visibility.of("acme"))).isEmpty();
    }

    @Test
    void aBatchOverTheRecordLimitIsRefusedBeforeAnythingIsStored() {
        var small = new Ingestor(storage, Clock.systemUTC(), 2);

        assertThatThrownBy(() -> small.ingestNdjson(lines(RECORD.formatted("c1", "acme"), RECORD.formatted("c2", "acme"),
                RECORD.formatted("c3", "acme"))))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessage("a batch may hold at most 2 records");
        assertThat(storage.cdrs().find("c1", io.confcdr.query.Visibility.of("acme"))).isEmpty();
    }

    @Test
    void aBoundedBodyStopsAtItsLimit() {
        InputStream body = new BoundedInputStream(lines(RECORD.formatted("c1", "acme")), 20);

        assertThatThrownBy(() -> ingestor.ingestNdjson(body)).isInstanceOf(BatchTooLargeException.class);
    }

    @Test
    void duplicateKeysInARecordAreMalformed() {
        IngestReport report = ingestor.ingestNdjson(lines("{\"call_sid\":\"a\",\"call_sid\":\"b\"}"));

        assertThat(report.rejected().getFirst().errors().getFirst().message()).isEqualTo("malformed JSON at column 27: Duplicate Object property \"call_sid\"");
    }

    @Test
    void nulCharactersAndLoneSurrogatesAreRejectedBecauseNoDatabaseKeepsThem() {
        String record = "{\"call_sid\":\"c1\",\"partner_sid\":\"acme\",\"date_start\":\"2024-12-14T10:03:14Z\","
                + "\"date_stop\":\"2024-12-14T10:04:04Z\",\"custom_name\":\"a\\u0000b\",\"user_agent\":\"\\ud83c\"}";

        IngestReport report = ingestor.ingestNdjson(lines(record));

        assertThat(report.rejected().getFirst().errors()).containsExactly(
                new IngestReport.Reason("custom_name", "must not contain NUL characters"),
                new IngestReport.Reason("user_agent", "must be valid Unicode (it has an unpaired surrogate escape)"));
    }
}
