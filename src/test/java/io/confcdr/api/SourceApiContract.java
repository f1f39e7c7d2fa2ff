package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.Scopes;
import io.confcdr.model.Cdr;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code Confcdr-Source}/{@code Confcdr-Sequence} on ingest and {@code GET /ingest/v1/sources}: a bridge that
 * lost a batch sees exactly which numbers are missing.
 */
abstract class SourceApiContract extends AbstractApiTest {

    static final String SOURCES = "/ingest/v1/sources";

    /** Legs {@code from} to {@code to} of ACME, numbered by their leg number: leg n is sequence n. */
    static String legs(int from, int to) {
        List<Cdr> records = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            records.add(Calls.leg(n, ACME));
        }
        return ndjson(records);
    }

    HttpResponse<String> postNumbered(String body, String token, String source, String sequence) {
        var request = HttpRequest.newBuilder(URI.create(url("/ingest/v1/conference/calls")))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (source != null) {
            request.header("Confcdr-Source", source);
        }
        if (sequence != null) {
            request.header("Confcdr-Sequence", sequence);
        }
        return send(request.build());
    }

    void sendLegs(String source, int from, int to) {
        HttpResponse<String> response = postNumbered(legs(from, to), acmeIngest, source, Integer.toString(from));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    JsonNode sources(String token) {
        HttpResponse<String> response = get(SOURCES, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    JsonNode onlySource(String token) {
        JsonNode page = sources(token);
        assertThat(page.get("items").size()).isEqualTo(1);
        return page.get("items").get(0);
    }

    @Test
    void aLostBatchShowsAsItsMissingNumbers() {
        sendLegs("bridge-1", 0, 9);
        sendLegs("bridge-1", 20, 29);
        sendLegs("bridge-1", 35, 39);

        assertThat(get(SOURCES, acmeIngest).body()).isEqualTo("{\"count\":1,\"has_more\":false,\"items\":["
                + "{\"date_last_seen\":\"2026-11-24T12:00:00.000Z\",\"highest_sequence\":39,\"missing\":[[10,19],[30,34]],"
                + "\"partner_sid\":\"" + ACME + "\",\"records\":25,\"source\":\"bridge-1\"}],"
                + "\"limit\":10,\"offset\":0,\"pagination\":{},\"total\":1}");
    }

    @Test
    void aLateBatchFillsItsGap() {
        sendLegs("bridge-1", 0, 9);
        sendLegs("bridge-1", 20, 29);

        sendLegs("bridge-1", 10, 19);

        JsonNode source = onlySource(acmeIngest);
        assertThat(source.get("missing").size()).isZero();
        assertThat(source.get("records").asLong()).isEqualTo(30);
        assertThat(source.get("highest_sequence").asLong()).isEqualTo(29);
    }

    @Test
    void aDuplicateBatchCountsOnce() {
        sendLegs("bridge-1", 0, 9);
        sendLegs("bridge-1", 0, 9);
        sendLegs("bridge-1", 5, 14);

        JsonNode source = onlySource(acmeIngest);
        assertThat(source.get("records").asLong()).isEqualTo(15);
        assertThat(source.get("missing").size()).isZero();
    }

    @Test
    void rejectedRecordsAreReceivedNotMissing() {
        String body = legs(0, 0) + "{\"call_sid\":\"x\"}\n" + legs(2, 2);

        HttpResponse<String> response = postNumbered(body, acmeIngest, "bridge-1", "0");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode source = onlySource(acmeIngest);
        assertThat(source.get("records").asLong()).isEqualTo(3);
        assertThat(source.get("missing").size()).isZero();
    }

    @Test
    void badHeadersAreRefusedNamingTheHeaderAndStoreNothing() {
        assertBadHeader("bridge-1", null, "Confcdr-Sequence");
        assertBadHeader(null, "0", "Confcdr-Source");
        assertBadHeader("bridge 1", "0", "Confcdr-Source");
        assertBadHeader("b".repeat(129), "0", "Confcdr-Source");
        assertBadHeader("bridge-1", "-3", "Confcdr-Sequence");
        assertBadHeader("bridge-1", "ten", "Confcdr-Sequence");
        assertBadHeader("bridge-1", "9007199254740993", "Confcdr-Sequence");
        assertBadHeader("bridge-1", "9007199254740992", "Confcdr-Sequence"); // the second record would pass 2^53

        assertThat(listedCallSids(acmeReader)).isEmpty();
        assertThat(sources(acmeIngest).get("total").asInt()).isZero();
    }

    private void assertBadHeader(String source, String sequence, String header) {
        HttpResponse<String> response = postNumbered(legs(0, 1), acmeIngest, source, sequence);
        assertThat(response.statusCode()).as("%s / %s", source, sequence).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").stringValue()).isEqualTo(header);
        assertThat(json(response).get("errors").get(0).get("message").stringValue()).contains(header);
    }

    @Test
    void sourcesAreSeenFromTheSendersPartnerAndItsAncestorsOnly() {
        sendLegs("acme-bridge", 0, 0);
        HttpResponse<String> emea = postNumbered(ndjson(List.of(Calls.leg(1, EMEA))), emeaIngest, "emea-bridge", "7");
        assertThat(emea.statusCode()).isEqualTo(200);
        String globexIngest = issue(GLOBEX, Scopes.CDR_INGEST);

        assertThat(sources(acmeIngest).get("items").valueStream().map(item -> item.get("source").stringValue()))
                .containsExactly("acme-bridge", "emea-bridge");
        assertThat(onlySource(emeaIngest).get("partner_sid").stringValue()).isEqualTo(EMEA);
        assertThat(sources(globexIngest).get("total").asInt()).isZero();
    }

    @Test
    void listingSourcesNeedsCdrIngest() {
        assertThat(get(SOURCES, acmeReader).statusCode()).isEqualTo(403);
        assertThat(get(SOURCES, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theMetricsCountTheOpenGapsOfEachSource() {
        sendLegs("bridge-1", 0, 0);
        sendLegs("bridge-1", 2, 2);
        sendLegs("bridge-1", 4, 4);
        sendLegs("bridge-2", 0, 1);

        String metrics = get("/metrics", null).body();

        assertThat(metrics).contains("confcdr_ingest_source_gaps{source=\"bridge-1\"} 2.0",
                "confcdr_ingest_source_gaps{source=\"bridge-2\"} 0.0", "confcdr_ingest_source_gaps{source=\"_other\"} 0.0");
    }
}
