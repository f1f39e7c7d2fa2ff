package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.lifecycle.RetentionPurge;
import io.confcdr.model.Cdr;
import io.confcdr.store.TestRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code cdr_retention_days} on the partner routes (created, changed, cleared, refused when not a whole
 * number of days in range), and what a retention pass leaves to the read routes: nothing of a purged record.
 */
abstract class RetentionApiContract extends AbstractAdminApiTest {

    private static final String RANGE_ERROR = "{\"errors\":[{\"field\":\"cdr_retention_days\",\"message\":"
            + "\"must be an integer from 1 to 36500 or null\"}],\"message\":\"Object validation error\"}";

    private final TestRecords records = new TestRecords();

    @Test
    void aPartnerInheritsUnlessCreatedWithARetention() {
        JsonNode inheriting = json(sendJson("POST", PARTNERS, "{\"name\":\"Acme Lyon\"}", emeaAdmin));
        HttpResponse<String> created = sendJson("POST", PARTNERS, "{\"name\":\"Acme Nice\",\"cdr_retention_days\":400}", emeaAdmin);

        assertThat(inheriting.get("cdr_retention_days").isNull()).isTrue();
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(created).get("cdr_retention_days").intValue()).isEqualTo(400);
        assertThat(get(PARTNERS + "/" + json(created).get("partner_sid").stringValue(), emeaAdmin).body())
                .isEqualTo(created.body());
    }

    @Test
    void patchSetsTheRetentionAndNullClearsItLeavingTheRestAlone() {
        HttpResponse<String> set = sendJson("PATCH", PARTNERS + "/" + PARIS, "{\"cdr_retention_days\":90}", emeaAdmin);
        HttpResponse<String> renamed = sendJson("PATCH", PARTNERS + "/" + PARIS, "{\"name\":\"Paris\"}", emeaAdmin);
        HttpResponse<String> cleared = sendJson("PATCH", PARTNERS + "/" + PARIS, "{\"cdr_retention_days\":null}", emeaAdmin);

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(set).get("cdr_retention_days").intValue()).isEqualTo(90);
        assertThat(json(renamed).get("cdr_retention_days").intValue()).isEqualTo(90);
        assertThat(json(cleared).get("cdr_retention_days").isNull()).isTrue();
        assertThat(json(cleared).get("name").stringValue()).isEqualTo("Paris");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "36501", "2147483648", "1.5", "\"30\"", "true", "{}", "[30]"})
    void aRetentionThatIsNotAWholeNumberOfDaysInRangeIsRefusedAndNothingChanges(String value) {
        HttpResponse<String> patched = sendJson("PATCH", PARTNERS + "/" + PARIS, "{\"cdr_retention_days\":" + value + "}", emeaAdmin);
        HttpResponse<String> created = sendJson("POST", PARTNERS, "{\"name\":\"Bad\",\"cdr_retention_days\":" + value + "}", emeaAdmin);

        assertThat(patched.statusCode()).isEqualTo(422);
        assertThat(patched.body()).isEqualTo(RANGE_ERROR);
        assertThat(created.body()).isEqualTo(RANGE_ERROR);
        assertThat(json(get(PARTNERS + "/" + PARIS, emeaAdmin)).get("cdr_retention_days").isNull()).isTrue();
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        assertThat(sendJson("PATCH", PARTNERS + "/" + PARIS, "{\"cdr_retention_days\":1}", emeaAdmin).statusCode()).isEqualTo(200);
        assertThat(sendJson("PATCH", PARTNERS + "/" + PARIS, "{\"cdr_retention_days\":36500}", emeaAdmin).statusCode()).isEqualTo(200);
    }

    @Test
    void aPurgedRecordIsGoneFromEveryReadRoute() {
        Cdr expired = ingested(records.call("expired").partnerSid(PARIS), Instant.parse("2026-01-10T10:00:00Z"));
        Cdr kept = ingested(records.call("kept").partnerSid(PARIS), Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(sendJson("PATCH", PARTNERS + "/" + EMEA, "{\"cdr_retention_days\":30}", acmeAdmin).statusCode()).isEqualTo(200);

        new RetentionPurge(storage.partners(), storage.retention(), clock, new SimpleMeterRegistry(), 100).runOnce();

        assertThat(getRecord(expired.callSid(), acmeSubtreeReader).statusCode()).isEqualTo(404);
        assertThat(getRecord(kept.callSid(), acmeSubtreeReader).statusCode()).isEqualTo(200);
        assertThat(listedCallSids(acmeSubtreeReader)).containsExactly(kept.callSid());
        assertThat(get("/core/v2/app/conference/calls/export?format=ndjson", acmeSubtreeReader).body())
                .contains(kept.callSid()).doesNotContain(expired.callSid());
        assertThat(get("/core/v2/app/conference/meetings/" + expired.meetingSid(), acmeSubtreeReader).statusCode()).isEqualTo(404);
        assertThat(get("/core/v2/app/conference/meetings/" + kept.meetingSid(), acmeSubtreeReader).statusCode()).isEqualTo(200);
        JsonNode usage = json(get("/core/v2/app/conference/reports/usage?group_by=day&limit=1000", acmeSubtreeReader));
        assertThat(usage.get("items").valueStream().mapToInt(row -> row.get("legs").intValue()).sum()).isEqualTo(1);
    }

    private Cdr ingested(Cdr.Builder builder, Instant stop) {
        Cdr cdr = builder.meetingSid("meeting-" + stop.toEpochMilli()).dateStart(stop.minusSeconds(95)).dateJoin(stop.minusSeconds(93))
                .dateDisconnected(stop.minusSeconds(1)).dateStop(stop).build();
        HttpResponse<String> response = post(senderJson(cdr), "application/x-ndjson", acmeIngest);
        assertThat(json(response).get("accepted").intValue()).as(response.body()).isEqualTo(1);
        return cdr;
    }

}
