package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.Scopes;
import io.confcdr.lifecycle.Erasures;
import io.confcdr.model.Cdr;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST|GET /core/v2/app/conference/erasures} over HTTP on every store: the caller's visible records
 * naming the number are deleted or redacted and no other, the number never comes back through any read or
 * a re-sent record, and it never appears in a response or a log line.
 */
abstract class ErasureApiContract extends AbstractApiTest {

    static final String ERASURES = "/core/v2/app/conference/erasures";
    static final String NUMBER = "+17605690001";

    private String acmeManager;
    private String globexManager;
    /** N as number_src (and in address_src), ACME. */
    private Cdr bySource;
    /** N only inside address_dst, ACME. */
    private Cdr byAddress;
    /** N as number_dst, PARIS (a descendant of ACME). */
    private Cdr byDestination;
    /** Another number, ACME. */
    private Cdr unrelated;
    /** N as number_src, GLOBEX: another tenant. */
    private Cdr otherTenant;

    @BeforeEach
    void storeRecordsNamingTheNumber() {
        acmeManager = issue(ACME, Scopes.APP_MANAGE, Scopes.APP_READ_DESCENDANT);
        globexManager = issue(GLOBEX, Scopes.APP_MANAGE);
        bySource = Calls.leg(1, ACME);
        byAddress = Calls.leg(2, ACME).toBuilder().addressDst("\"Ann\" <sip:" + NUMBER + "@10.0.0.9>").build();
        byDestination = Calls.leg(3, PARIS).toBuilder().numberDst(NUMBER).build();
        unrelated = Calls.leg(4, ACME);
        otherTenant = Calls.leg(1, GLOBEX).toBuilder().callSid("69057c3e-bb90-4ed3-9c53-900000000001").build();
        ingest(List.of(bySource, byAddress, unrelated), acmeIngest);
        ingest(List.of(byDestination), issue(PARIS, Scopes.CDR_INGEST));
        ingest(List.of(otherTenant), issue(GLOBEX, Scopes.CDR_INGEST));
    }

    private void ingest(List<Cdr> records, String token) {
        assertThat(post(ndjson(records), "application/x-ndjson", token).statusCode()).isEqualTo(200);
    }

    protected HttpResponse<String> erase(String body, String token) {
        var request = HttpRequest.newBuilder(URI.create(url(ERASURES)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request.build());
    }

    private JsonNode erased(String mode, String token) {
        HttpResponse<String> response = erase("{\"number\":\"" + NUMBER + "\",\"mode\":\"" + mode + "\"}", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private String everything(String token) {
        return get("/core/v2/app/conference/calls?limit=1000", token).body();
    }

    private static String filtered(String filter) {
        return "/core/v2/app/conference/calls?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    @Test
    void deleteRemovesEveryVisibleRecordNamingTheNumberAndNoOther() {
        JsonNode receipt = erased("delete", acmeManager);

        assertThat(receipt.get("records").asLong()).isEqualTo(3);
        assertThat(receipt.get("mode").stringValue()).isEqualTo("delete");
        assertThat(listedCallSids(acmeSubtreeReader)).containsExactly(unrelated.callSid());
        assertThat(getRecord(bySource.callSid(), acmeSubtreeReader).statusCode()).isEqualTo(404);
        assertThat(getRecord(byDestination.callSid(), acmeSubtreeReader).statusCode()).isEqualTo(404);
        HttpResponse<String> untouched = getRecord(unrelated.callSid(), acmeReader);
        assertThat(untouched.body()).isEqualTo(expectedReadBack(unrelated, untouched));
    }

    @Test
    void anotherTenantsRecordsNamingTheNumberAreUntouched() {
        String before = getRecord(otherTenant.callSid(), globexReader).body();

        erased("delete", acmeManager);
        erased("redact", acmeManager);

        assertThat(getRecord(otherTenant.callSid(), globexReader).body()).isEqualTo(before).contains(NUMBER);
    }

    @Test
    void aTokenWithoutDescendantsErasesOnlyItsOwnPartnersRecords() {
        String emeaIngestRecord = "69057c3e-bb90-4ed3-9c53-800000000001";
        ingest(List.of(Calls.leg(1, EMEA).toBuilder().callSid(emeaIngestRecord).build()), emeaIngest);

        JsonNode receipt = erased("delete", emeaManager);

        assertThat(receipt.get("records").asLong()).isEqualTo(1);
        assertThat(getRecord(emeaIngestRecord, acmeSubtreeReader).statusCode()).isEqualTo(404);
        assertThat(listedCallSids(acmeSubtreeReader))
                .contains(bySource.callSid(), byAddress.callSid(), byDestination.callSid());
    }

    @Test
    void redactReplacesTheFourAttributesAndKeepsTheRest() {
        JsonNode receipt = erased("redact", acmeManager);

        assertThat(receipt.get("records").asLong()).isEqualTo(3);
        assertThat(listedCallSids(acmeSubtreeReader)).hasSize(4);
        for (Cdr original : List.of(bySource, byAddress, byDestination)) {
            HttpResponse<String> response = getRecord(original.callSid(), acmeSubtreeReader);
            Cdr expected = original.toBuilder().numberSrc("redacted").numberDst("redacted")
                    .addressSrc("redacted").addressDst("redacted").build();
            assertThat(response.body()).isEqualTo(expectedReadBack(expected, response));
        }
        HttpResponse<String> untouched = getRecord(unrelated.callSid(), acmeReader);
        assertThat(untouched.body()).isEqualTo(expectedReadBack(unrelated, untouched));
    }

    @Test
    void datesBoundDateStartFromInclusiveToExclusive() {
        // bySource starts 7 s after the meeting, byAddress 14 s, byDestination 21 s.
        HttpResponse<String> response = erase("{\"number\":\"" + NUMBER + "\",\"mode\":\"delete\","
                + "\"date_from\":\"2024-12-14T10:03:28.000Z\",\"date_to\":\"2024-12-14T12:03:35+02:00\"}", acmeManager);

        assertThat(json(response).get("records").asLong()).as(response.body()).isEqualTo(1);
        assertThat(listedCallSids(acmeSubtreeReader))
                .containsExactlyInAnyOrder(bySource.callSid(), byDestination.callSid(), unrelated.callSid());
    }

    @Test
    void aDeletedRecordSentAgainIsRefusedAsAConflict() {
        erased("delete", acmeManager);

        HttpResponse<String> again = post(ndjson(List.of(bySource, unrelated)), "application/x-ndjson", acmeIngest);

        assertThat(again.statusCode()).isEqualTo(422);
        JsonNode rejected = json(again).get("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("call_sid").stringValue()).isEqualTo(bySource.callSid());
        assertThat(firstReason(rejected.get(0))).isEqualTo("call_sid: conflicts with a stored record of different content");
        assertThat(listedCallSids(acmeSubtreeReader)).containsExactly(unrelated.callSid());
    }

    @Test
    void aRedactedRecordSentAgainIsRefusedAsAConflictAndStaysRedacted() {
        erased("redact", acmeManager);

        HttpResponse<String> again = post(ndjson(List.of(bySource)), "application/x-ndjson", acmeIngest);

        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(firstReason(json(again).get("rejected").get(0)))
                .isEqualTo("call_sid: conflicts with a stored record of different content");
        assertThat(getRecord(bySource.callSid(), acmeReader).body()).doesNotContain(NUMBER);
    }

    @Test
    void noReadPathShowsARedactedNumber() {
        erased("redact", acmeManager);

        assertNoReadShowsTheNumber();
        assertThat(json(get(filtered("number_dst eq \"redacted\""), acmeSubtreeReader)).get("count").asInt()).isEqualTo(3);
    }

    @Test
    void noReadPathShowsADeletedNumber() {
        erased("delete", acmeManager);

        assertNoReadShowsTheNumber();
    }

    private void assertNoReadShowsTheNumber() {
        for (String filter : List.of("number_src eq \"" + NUMBER + "\"", "number_dst eq \"" + NUMBER + "\"",
                "address_src like \"%" + NUMBER + "%\"", "address_dst like \"%" + NUMBER + "%\"")) {
            JsonNode page = json(get(filtered(filter), acmeSubtreeReader));
            assertThat(page.get("count").asInt()).as(filter).isZero();
        }
        assertThat(everything(acmeSubtreeReader)).doesNotContain(NUMBER);
        for (Cdr record : List.of(bySource, byAddress, byDestination)) {
            assertThat(getRecord(record.callSid(), acmeSubtreeReader).body()).doesNotContain(NUMBER);
        }
        HttpResponse<String> export = get("/core/v2/app/conference/calls/export", acmeSubtreeReader);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains(unrelated.callSid()).doesNotContain(NUMBER);
        HttpResponse<String> csv = get("/core/v2/app/conference/calls/export?format=csv", acmeSubtreeReader);
        assertThat(csv.body()).contains(unrelated.callSid()).doesNotContain(NUMBER);
        HttpResponse<String> meeting = get("/core/v2/app/conference/meetings/" + bySource.meetingSid(), acmeSubtreeReader);
        assertThat(meeting.statusCode()).isEqualTo(200);
        assertThat(meeting.body()).contains(unrelated.callSid()).doesNotContain(NUMBER);
    }

    @Test
    void theNumberAppearsInNoResponseNorLogLineButItsHashIsAudited() {
        // Tests log at WARN; every INFO line (the audit's included) must be seen to be checked.
        var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        String answers;
        try {
            answers = erase("{\"number\":\"" + NUMBER + "\",\"mode\":\"redact\"}", acmeManager).body()
                    + get(ERASURES, acmeManager).body()
                    + erase("{\"number\":\"" + NUMBER + "\",\"mode\":\"shred\"}", acmeManager).body()
                    + erase("{\"number\":\"" + NUMBER + "\",\"mode\":\"delete\",\"date_from\":\"yesterday\"}", acmeManager).body();
        } finally {
            root.setLevel(level);
        }

        assertThat(answers).doesNotContain("7605690001");
        assertThat(logText()).contains("route=" + ERASURES).doesNotContain("7605690001");
        String hash = Erasures.sha256(NUMBER);
        assertThat(answers).contains(hash);
        assertThat(log.list).filteredOn(event -> event.getLoggerName().equals("confcdr.audit"))
                .filteredOn(event -> event.getFormattedMessage().contains("number_sha256=" + hash))
                .singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage()).contains("mode=redact", "records=3"));
    }

    @Test
    void theReceiptSaysWhatWasDoneWithKeysInOrder() {
        JsonNode receipt = erased("delete", acmeManager);

        assertThat(receipt.propertyNames()).containsExactly("date_created", "erasure_sid", "mode", "number_sha256", "records");
        assertThat(receipt.get("date_created").stringValue()).isEqualTo("2026-11-24T12:00:00.000Z");
        assertThat(receipt.get("number_sha256").stringValue()).isEqualTo(Erasures.sha256(NUMBER)).hasSize(64);
    }

    @Test
    void wildcardCharactersInTheNumberMatchOnlyThemselves() {
        Cdr odd = Calls.leg(5, ACME).toBuilder().addressSrc("<sip:10%_x*?[1]@10.0.0.1>").numberSrc("a").build();
        Cdr lookalike = Calls.leg(6, ACME).toBuilder().addressSrc("<sip:100ax1@10.0.0.1>").numberSrc("b").build();
        ingest(List.of(odd, lookalike), acmeIngest);
        String before = everything(acmeSubtreeReader);

        // Each would match the lookalike as a like, glob or regular-expression pattern; none is in either address.
        for (String number : List.of("0_x", "0%x", "0*x", "0?x", "0[a]x", "0.x1", "%00a%")) {
            HttpResponse<String> response = erase("{\"number\":\"" + number + "\",\"mode\":\"delete\"}", acmeManager);
            assertThat(json(response).get("records").asLong()).as(number).isZero();
        }
        assertThat(everything(acmeSubtreeReader)).isEqualTo(before);
        JsonNode receipt = json(erase("{\"number\":\"0%_x*?[1\",\"mode\":\"delete\"}", acmeManager));

        assertThat(receipt.get("records").asLong()).isEqualTo(1);
        assertThat(getRecord(odd.callSid(), acmeReader).statusCode()).isEqualTo(404);
        assertThat(getRecord(lookalike.callSid(), acmeReader).statusCode()).isEqualTo(200);
    }

    @Test
    void eachInvalidRequestIsRefusedNamingItsField() {
        String tooLong = "1".repeat(257);
        List<List<String>> cases = List.of(
                List.of("{\"mode\":\"delete\"}", "number"),
                List.of("{\"number\":\"\",\"mode\":\"delete\"}", "number"),
                List.of("{\"number\":\"" + tooLong + "\",\"mode\":\"delete\"}", "number"),
                List.of("{\"number\":\"+1\\u0000\",\"mode\":\"delete\"}", "number"),
                List.of("{\"number\":17605690001,\"mode\":\"delete\"}", "number"),
                List.of("{\"number\":\"" + NUMBER + "\"}", "mode"),
                List.of("{\"number\":\"" + NUMBER + "\",\"mode\":\"shred\"}", "mode"),
                List.of("{\"number\":\"" + NUMBER + "\",\"mode\":\"delete\",\"date_from\":\"2024-12-14T10:00:00\"}", "date_from"),
                List.of("{\"number\":\"" + NUMBER + "\",\"mode\":\"delete\",\"date_to\":\"tomorrow\"}", "date_to"),
                List.of("{\"number\":\"" + NUMBER + "\",\"mode\":\"delete\",\"date_from\":\"2024-12-15T00:00:00Z\","
                        + "\"date_to\":\"2024-12-15T00:00:00Z\"}", "date_to"));
        String before = everything(acmeSubtreeReader);

        for (List<String> refused : cases) {
            HttpResponse<String> response = erase(refused.get(0), acmeManager);
            assertThat(response.statusCode()).as(refused.get(0)).isEqualTo(422);
            assertThat(json(response).get("errors").get(0).get("field").stringValue()).as(refused.get(0)).isEqualTo(refused.get(1));
        }
        assertThat(erase("{\"number\":", acmeManager).statusCode()).isEqualTo(400);
        assertThat(everything(acmeSubtreeReader)).isEqualTo(before);
        assertThat(json(get(ERASURES, acmeManager)).get("total").asInt()).isZero();
    }

    @Test
    void erasingAndListingNeedAppManage() {
        assertThat(erase("{\"number\":\"" + NUMBER + "\",\"mode\":\"delete\"}", acmeSubtreeReader).statusCode()).isEqualTo(403);
        assertThat(get(ERASURES, acmeReader).statusCode()).isEqualTo(403);
        assertThat(get(ERASURES, null).statusCode()).isEqualTo(401);
        assertThat(listedCallSids(acmeSubtreeReader)).hasSize(4);
    }

    @Test
    void theListShowsWhoErasedWhatInTheCallersSubtreeOnlyPaged() {
        erased("redact", emeaManager);
        erased("delete", acmeManager);
        erased("delete", globexManager);

        JsonNode acme = json(get(ERASURES + "?limit=1", acmeManager));
        assertThat(acme.get("total").asInt()).isEqualTo(2);
        assertThat(acme.get("count").asInt()).isEqualTo(1);
        assertThat(acme.get("has_more").asBoolean()).isTrue();
        assertThat(acme.get("pagination").get("next").stringValue()).endsWith(ERASURES + "?limit=1&offset=1");
        JsonNode second = json(get(ERASURES + "?limit=1&offset=1", acmeManager));
        Set<String> partners = new HashSet<>();
        for (JsonNode item : List.of(acme.get("items").get(0), second.get("items").get(0))) {
            assertThat(item.propertyNames()).containsExactly("date_created", "erasure_sid", "mode", "number_sha256",
                    "partner_sid", "records", "token_id");
            assertThat(item.get("number_sha256").stringValue()).isEqualTo(Erasures.sha256(NUMBER));
            assertThat(item.get("token_id").stringValue()).startsWith("tok_");
            partners.add(item.get("partner_sid").stringValue());
        }
        assertThat(partners).containsExactlyInAnyOrder(ACME, EMEA);
        JsonNode emea = json(get(ERASURES, emeaManager));
        assertThat(emea.get("total").asInt()).isEqualTo(1);
        assertThat(emea.get("items").get(0).get("partner_sid").stringValue()).isEqualTo(EMEA);
        JsonNode globex = json(get(ERASURES, globexManager));
        assertThat(globex.get("total").asInt()).isEqualTo(1);
        assertThat(globex.get("items").get(0).get("records").asLong()).isEqualTo(1);
    }

    @Test
    void aReaderSeesEveryMatchingRecordOrNoneWhileAnErasureRuns() throws Exception {
        List<Cdr> many = IntStream.range(0, 300)
                .mapToObj(i -> Calls.leg(1000 + i, ACME).toBuilder().numberDst(NUMBER).build()).toList();
        ingest(many, acmeIngest);
        String count = filtered("number_dst eq \"" + NUMBER + "\"") + "&limit=1&with_total=true";

        CompletableFuture<HttpResponse<String>> erasure = CompletableFuture.supplyAsync(
                () -> erase("{\"number\":\"" + NUMBER + "\",\"mode\":\"redact\"}", acmeManager));
        List<Integer> seen = new ArrayList<>();
        do {
            seen.add(json(get(count, acmeReader)).get("total").asInt());
        } while (!erasure.isDone());

        // The 300, bySource, byAddress and byDestination (PARIS); acmeReader counts ACME's 300 only.
        assertThat(json(erasure.get()).get("records").asLong()).isEqualTo(303);
        assertThat(seen).allSatisfy(total -> assertThat(total).isIn(300, 0));
        assertThat(json(get(count, acmeReader)).get("total").asInt()).isZero();
    }
}
