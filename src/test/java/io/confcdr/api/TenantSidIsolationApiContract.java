package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.Scopes;
import io.confcdr.model.Cdr;
import io.confcdr.store.TestRecords;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A call_sid names a record within its partner (issue 14, item 6c): a tenant's ingest token can neither
 * learn that a call_sid exists in another tenant nor claim one before its owner sends it.
 */
abstract class TenantSidIsolationApiContract extends AbstractApiTest {

    private final TestRecords records = new TestRecords();
    private String globexIngest;
    private String globexManager;

    @BeforeEach
    void globexTokens() {
        globexIngest = issue(GLOBEX, Scopes.CDR_INGEST);
        globexManager = issue(GLOBEX, Scopes.APP_MANAGE, Scopes.APP_READ);
    }

    private HttpResponse<String> ingest(Cdr cdr, String token) {
        return post(senderJson(cdr), "application/x-ndjson", token);
    }

    @Test
    void aCallSidStoredInAnotherTenantAnswersExactlyAsAFreeOne() {
        Cdr acmes = records.call("acme-call").partnerSid(ACME).build();
        Cdr acmesOther = records.call("acme-other").partnerSid(ACME).build();
        assertThat(json(post(senderJson(acmes) + "\n" + senderJson(acmesOther), "application/x-ndjson", acmeIngest))
                .get("accepted").intValue()).isEqualTo(2);

        HttpResponse<String> probeTaken = ingest(records.call("probe").callSid(acmes.callSid()).partnerSid(GLOBEX).build(), globexIngest);
        HttpResponse<String> probeFree = ingest(records.call("free").partnerSid(GLOBEX).build(), globexIngest);
        HttpResponse<String> probeSameContent = ingest(acmesOther.toBuilder().partnerSid(GLOBEX).build(), globexIngest);

        assertThat(probeTaken.statusCode()).isEqualTo(probeFree.statusCode()).isEqualTo(200);
        assertThat(probeTaken.body()).isEqualTo(probeFree.body()).isEqualTo(probeSameContent.body());
    }

    @Test
    void whatAProberStoresUnderAnotherTenantsCallSidIsItsOwnRecordAndReadsBackAsAnyOther() {
        Cdr acmes = records.call("acme-call").partnerSid(ACME).build();
        ingest(acmes, acmeIngest);
        Cdr globexes = records.call("probe").callSid(acmes.callSid()).partnerSid(GLOBEX).disconnectCause(17).build();

        ingest(globexes, globexIngest);

        JsonNode seenByGlobex = json(getRecord(acmes.callSid(), globexReader));
        assertThat(seenByGlobex.get("partner_sid").stringValue()).isEqualTo(GLOBEX);
        assertThat(seenByGlobex.get("disconnect_cause").intValue()).isEqualTo(17);
        assertThat(json(getRecord(acmes.callSid(), acmeReader)).get("disconnect_cause").intValue()).isEqualTo(16);
    }

    @Test
    void aTenantThatSendsAnotherTenantsCallSidFirstNeitherBlocksNorHidesTheOwnersRecord() {
        Cdr owners = records.call("owners").partnerSid(ACME).build();
        ingest(owners.toBuilder().partnerSid(GLOBEX).disconnectCause(99).build(), globexIngest);

        HttpResponse<String> ownerSends = ingest(owners, acmeIngest);

        assertThat(ownerSends.statusCode()).isEqualTo(200);
        assertThat(json(ownerSends).get("accepted").intValue()).isEqualTo(1);
        assertThat(getRecord(owners.callSid(), acmeReader).body()).contains("\"disconnect_cause\":16").contains(ACME);
        assertThat(listedCallSids(acmeReader)).containsExactly(owners.callSid());
        assertThat(json(ingest(owners, acmeIngest)).get("duplicates").intValue()).isEqualTo(1);
    }

    @Test
    void aTenantThatErasesItsCopyOfACallSidDoesNotMakeTheOwnersRecordRefused() {
        Cdr owners = records.call("owners").partnerSid(ACME).numberSrc("+15550001111").build();
        ingest(owners.toBuilder().partnerSid(GLOBEX).build(), globexIngest);
        var erase = HttpRequest.newBuilder(URI.create(url("/core/v2/app/conference/erasures")))
                .header("Authorization", "Bearer " + globexManager).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"number\":\"+15550001111\",\"mode\":\"delete\"}")).build();
        assertThat(json(send(erase)).get("records").intValue()).isEqualTo(1);

        HttpResponse<String> ownerSends = ingest(owners, acmeIngest);

        assertThat(json(ownerSends).get("accepted").intValue()).as(ownerSends.body()).isEqualTo(1);
        assertThat(getRecord(owners.callSid(), acmeReader).statusCode()).isEqualTo(200);
    }

    @Test
    void withinOnePartnerADifferentRecordUnderAStoredCallSidIsStillAConflict() {
        Cdr acmes = records.call("acme-call").partnerSid(ACME).build();
        ingest(acmes, acmeIngest);

        HttpResponse<String> changed = ingest(acmes.toBuilder().disconnectCause(17).build(), acmeIngest);

        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(firstReason(json(changed).get("rejected").get(0))).isEqualTo("call_sid: conflicts with a stored record of different content");
    }

    @Test
    void aCallerThatSeesTwoPartnersHoldingOneCallSidListsBothAndGetsTheFirstStored() {
        Cdr emeas = records.call("shared").partnerSid(EMEA).build();
        Cdr paris = emeas.toBuilder().partnerSid(PARIS).disconnectCause(17).build();
        HttpResponse<String> both = post(senderJson(emeas) + "\n" + senderJson(paris), "application/x-ndjson", acmeIngest);

        assertThat(json(both).get("accepted").intValue()).as(both.body()).isEqualTo(2);
        assertThat(listedCallSids(acmeSubtreeReader)).containsExactly(emeas.callSid(), emeas.callSid());
        assertThat(json(getRecord(emeas.callSid(), acmeSubtreeReader)).get("partner_sid").stringValue()).isEqualTo(EMEA);
    }
}
