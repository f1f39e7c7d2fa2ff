package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A JSON number whose exponent Jackson refuses to read as a decimal (found by Jazzer): its
 * {@link NumberFormatException} is not a JacksonException and escaped both readers as a 500.
 */
class HugeExponentIngestTest extends AbstractApiTest {

    private static final String HUGE = "5e5555555555555555555555";

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }

    @Test
    void aNumberTooLargeToReadRejectsItsNdjsonRecordOnly() {
        String good = ndjson(List.of(Calls.leg(1, ACME)));
        String bad = "{\"call_sid\":\"huge\",\"duration\":" + HUGE + "}\n";

        HttpResponse<String> response = postNdjson(good + bad);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode rejected = json(response).get("rejected");
        assertThat(rejected.size()).isEqualTo(1);
        assertThat(rejected.get(0).get("index").intValue()).isEqualTo(1);
        assertThat(firstReason(rejected.get(0))).startsWith("null: malformed JSON").doesNotContain(HUGE);
        assertThat(json(response).get("accepted").intValue()).isEqualTo(1);
    }

    @Test
    void aNumberTooLargeToReadRefusesAJsonArrayWhole() {
        HttpResponse<String> response = post("[{\"call_sid\":\"huge\",\"duration\":" + HUGE + "}]", "application/json", acmeIngest);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("malformed JSON").doesNotContain(HUGE);
    }
}
