package io.confcdr.ingest;

import io.confcdr.auth.Caller;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.confcdr.model.Partner;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.memory.MemoryStorage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the ingest record readers and validation, on a fresh in-memory store per
 * input (see {@link io.confcdr.query.FilterParserFuzzTest} for how it runs). Whatever the body, the
 * answer is a report whose accepted records are exactly those stored, or a documented refusal of the
 * whole body with nothing stored.
 */
class IngestorFuzzTest {

    static final String PARTNER = "acme";
    /** Small, so that the fuzzer reaches the batch limit with small inputs. */
    private static final int MAX_RECORDS = 20;
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @FuzzTest(maxDuration = "30s")
    @Timeout(5)
    @DictionaryEntries({"\"call_sid\":", "\"partner_sid\":\"acme\"", "\"date_start\":", "\"date_stop\":",
            "\"2024-12-14T10:03:14.000Z\"", "\"duration\":", "\"disconnect_cause\":", "\"role\":\"host\"", "null",
            "\\u0000", "\\ud800", "1e999"})
    void anyNdjsonBodyIsStoredRecordByRecordOrRefusedWhole(byte @NotNull [] input) {
        ingestAndCheck(input, (ingestor, storage, body) -> ingestor.ingestNdjson(body));
    }

    @FuzzTest(maxDuration = "30s")
    @Timeout(5)
    @DictionaryEntries({"[", "]", ",", "{", "}", "\"call_sid\":", "\"partner_sid\":\"acme\"", "\"date_start\":",
            "\"date_stop\":", "\"2024-12-14T10:03:14.000Z\"", "\"duration_meeting\":", "null", "\\ud83d\\ude00", "-0"})
    void anyJsonArrayBodyIsStoredRecordByRecordOrRefusedWhole(byte @NotNull [] input) {
        ingestAndCheck(input, (ingestor, storage, body) -> ingestor.ingest(Caller.operator(), BodyFormat.JSON_ARRAY, body));
    }

    private static void ingestAndCheck(byte[] input, Ingest ingest) {
        var storage = new MemoryStorage(CLOCK);
        storage.partners().create(new Partner(PARTNER, "Acme", null, Partner.ACTIVE, NOW));
        var ingestor = new Ingestor(storage, CLOCK, MAX_RECORDS);
        try {
            IngestReport report = ingest.apply(ingestor, storage, new ByteArrayInputStream(input));
            assertThat(stored(storage)).as("records stored").isEqualTo(report.accepted());
            assertThat(report.accepted() + report.duplicates() + report.rejected().size()).isLessThanOrEqualTo(MAX_RECORDS);
            var indexes = new HashSet<Integer>();
            for (IngestReport.Rejection rejection : report.rejected()) {
                assertThat(rejection.index()).isBetween(0, MAX_RECORDS - 1);
                assertThat(indexes.add(rejection.index())).as("index %d rejected twice", rejection.index()).isTrue();
                assertThat(rejection.errors()).isNotEmpty();
            }
        } catch (MalformedBodyException | BatchTooLargeException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(stored(storage)).as("records stored from a refused body").isZero();
        }
    }

    private static long stored(MemoryStorage storage) {
        var everything = new CdrQuery(Filter.ALL, Order.INSERTION, 1, 0, null, true);
        return storage.cdrs().list(everything, Visibility.of(PARTNER)).total();
    }

    private interface Ingest {
        IngestReport apply(Ingestor ingestor, MemoryStorage storage, InputStream body);
    }
}
