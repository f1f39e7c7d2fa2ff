package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The read endpoints: the bare record, the list envelope and its pagination links. */
abstract class ReadApiContract extends AbstractApiTest {

    private static final String LIST = "/core/v2/app/conference/calls";

    private List<Cdr> ingestLegs(int count) {
        List<Cdr> legs = IntStream.range(0, count).mapToObj(i -> Calls.leg(i, ACME)).toList();
        assertThat(postNdjson(ndjson(legs)).statusCode()).isEqualTo(200);
        return legs;
    }

    @Test
    void aRecordCanBeNarrowedToSomeAttributes() {
        Cdr leg = ingestLegs(1).getFirst();

        HttpResponse<String> response = getRecord(leg.callSid() + "?include_fields=role,call_sid,duration", acmeReader);

        assertThat(response.body()).isEqualTo("{\"call_sid\":\"" + leg.callSid() + "\",\"duration\":\"46.5\",\"role\":\"host\"}");
    }

    @Test
    void excludedAttributesAreLeftOutOfARecord() {
        Cdr leg = ingestLegs(1).getFirst();

        JsonNode record = json(getRecord(leg.callSid() + "?exclude_fields=address_src,address_dst", acmeReader));

        assertThat(record.propertyNames()).hasSize(25).doesNotContain("address_src", "address_dst");
    }

    @Test
    void anUnknownAttributeInFieldFilteringIs400NamingTheParameter() {
        Cdr leg = ingestLegs(1).getFirst();

        HttpResponse<String> response = getRecord(leg.callSid() + "?include_fields=call_sid,colour", acmeReader);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"errors\":[{\"field\":\"include_fields\",\"message\":\"unknown attribute 'colour'\"}],\"message\":\"Bad request\"}");
    }

    @Test
    void aMissingRecordIs404CannotFindItemBySid() {
        HttpResponse<String> response = getRecord("69057c3e-bb90-4ed3-9c53-999999999999", acmeReader);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(
                "{\"errors\":[{\"field\":\"call_sid\",\"message\":\"Cannot find item by SID\"}],\"message\":\"Cannot find item by SID\"}");
    }

    @Test
    void theEnvelopeHasCarrierxKeysInAlphabeticalOrderAndEchoesLimitAndOffset() {
        ingestLegs(5);

        JsonNode page = json(get(LIST + "?limit=2&offset=1&include_fields=call_sid", acmeReader));

        assertThat(page.propertyNames()).containsExactly("count", "has_more", "items", "limit", "offset", "pagination", "total");
        assertThat(page.get("count").intValue()).isEqualTo(2);
        assertThat(page.get("has_more").booleanValue()).isTrue();
        assertThat(page.get("limit").intValue()).isEqualTo(2);
        assertThat(page.get("offset").intValue()).isEqualTo(1);
        assertThat(page.get("total").isNull()).isTrue();
        assertThat(page.get("items").get(0).get("call_sid").stringValue()).isEqualTo(Calls.leg(1, ACME).callSid());
    }

    @Test
    void defaultsAreTenRecordsFromTheStart() {
        ingestLegs(12);

        JsonNode page = json(get(LIST, acmeReader));

        assertThat(page.get("count").intValue()).isEqualTo(10);
        assertThat(page.get("limit").intValue()).isEqualTo(10);
        assertThat(page.get("offset").intValue()).isEqualTo(0);
    }

    @Test
    void linksAreAbsoluteAndContinueByKeysetWithTheSameLimitAndFieldFiltering() {
        List<Cdr> legs = ingestLegs(5);

        JsonNode page = json(get(LIST + "?limit=2&offset=1&include_fields=call_sid,role&exclude_fields=role", acmeReader));

        String base = url(LIST);
        assertThat(page.get("pagination").propertyNames()).containsExactly("next", "previous");
        assertThat(page.get("pagination").get("next").stringValue())
                .isEqualTo(base + "?include_fields=call_sid%2Crole&exclude_fields=role&limit=2&after=" + legs.get(2).callSid());
        assertThat(page.get("pagination").get("previous").stringValue())
                .isEqualTo(base + "?include_fields=call_sid%2Crole&exclude_fields=role&limit=2&before=" + legs.get(1).callSid());
    }

    @Test
    void theFirstPageHasNoPreviousLinkAndTheLastNoNextLink() {
        ingestLegs(3);

        JsonNode first = json(get(LIST + "?limit=2", acmeReader));
        JsonNode last = json(get(LIST + "?limit=2&offset=2", acmeReader));

        assertThat(first.get("pagination").propertyNames()).containsExactly("next");
        assertThat(last.get("pagination").propertyNames()).containsExactly("previous");
        assertThat(last.get("has_more").booleanValue()).isFalse();
    }

    @Test
    void anEmptyListHasEmptyPagination() {
        HttpResponse<String> response = get(LIST, acmeReader);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(
                "{\"count\":0,\"has_more\":false,\"items\":[],\"limit\":10,\"offset\":0,\"pagination\":{},\"total\":null}");
    }

    @Test
    void linksUseTheConfiguredPublicUrlBehindAProxy() {
        server.close();
        server = ApiServer.start(storage, new ApiConfig("127.0.0.1", 0, "https://cdr.example.com/", ApiConfig.DEFAULT_MAX_INGEST_BYTES), clock);
        List<Cdr> legs = ingestLegs(3);

        JsonNode page = json(get(LIST + "?limit=1", acmeReader));

        assertThat(page.get("pagination").get("next").stringValue())
                .isEqualTo("https://cdr.example.com/core/v2/app/conference/calls?limit=1&after=" + legs.getFirst().callSid());
    }

    @Test
    void forwardedHeadersDoNotRedirectLinksElsewhere() {
        List<Cdr> legs = ingestLegs(2);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(LIST + "?limit=1")))
                .header("Authorization", "Bearer " + acmeReader)
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .GET().build();

        JsonNode page = json(send(request));

        assertThat(page.get("pagination").get("next").stringValue()).isEqualTo(url(LIST + "?limit=1&after=" + legs.getFirst().callSid()));
    }

    @Test
    void listItemsAreTheRecordsAsTheSingleGetWritesThem() {
        List<Cdr> legs = ingestLegs(3);

        JsonNode page = json(get(LIST, acmeReader));

        Iterator<JsonNode> items = page.get("items").values().iterator();
        for (Cdr leg : legs) {
            assertThat(JSON.writeValueAsString(items.next())).isEqualTo(getRecord(leg.callSid(), acmeReader).body());
        }
    }

    @Test
    void aBadLimitIs400NamingTheParameter() {
        HttpResponse<String> response = get(LIST + "?limit=1001", acmeReader);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").stringValue()).isEqualTo("limit");
    }
}
