package io.confcdr.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The subscription routes over HTTP: statuses, shapes and refusals in the API's error document. */
abstract class SubscriptionApiContract extends AbstractPushApiTest {

    @Test
    void createAnswers201WithTheObjectAndTheSecretOnlyThere() {
        HttpResponse<String> created = call("POST", BASE, "{\"url\":\"" + receiver.url() + "\",\"filter\":\"direction eq inbound\","
                + "\"include_fields\":\"call_sid\",\"max_batch\":50}", acmeManager);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.propertyNames()).containsExactly("date_created", "exclude_fields", "filter", "include_fields",
                "lag_records", "max_batch", "oldest_undelivered_date_insert", "partner_sid", "secret", "status",
                "subscription_sid", "url");
        assertThat(body.get("partner_sid").stringValue()).isEqualTo(ACME);
        assertThat(body.get("max_batch").asInt()).isEqualTo(50);
        assertThat(body.get("status").stringValue()).isEqualTo("active");
        String secret = body.get("secret").stringValue();
        String sid = body.get("subscription_sid").stringValue();

        HttpResponse<String> list = call("GET", BASE, null, acmeManager);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).get("total").asInt()).isEqualTo(1);
        assertThat(json(list).get("items").get(0).get("subscription_sid").stringValue()).isEqualTo(sid);
        assertThat(list.body()).doesNotContain(secret);
        assertThat(call("GET", BASE + "/" + sid, null, acmeManager).body()).doesNotContain(secret).doesNotContain("\"secret\"");
    }

    @Test
    void aFilterThatDoesNotParseIsA400WithTheListRoutesMessage() {
        HttpResponse<String> refused = call("POST", BASE, "{\"url\":\"" + receiver.url() + "\",\"filter\":\"direction eq\"}", acmeManager);

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = json(refused).get("errors").get(0);
        assertThat(error.get("field").stringValue()).isEqualTo("filter");
        assertThat(error.get("message").stringValue()).contains("expected a value but found the end of the filter");
    }

    @Test
    void aBadUrlOrMaxBatchIsA422NamingTheAttribute() {
        HttpResponse<String> url = call("POST", BASE, "{\"url\":\"not a url\"}", acmeManager);
        assertThat(url.statusCode()).isEqualTo(422);
        assertThat(json(url).get("errors").get(0).get("field").stringValue()).isEqualTo("url");
        HttpResponse<String> batch = call("POST", BASE, "{\"url\":\"" + receiver.url() + "\",\"max_batch\":0}", acmeManager);
        assertThat(batch.statusCode()).isEqualTo(422);
        assertThat(json(batch).get("errors").get(0).get("field").stringValue()).isEqualTo("max_batch");
    }

    @Test
    void aTokenWithoutAppManageGets403AndAnotherPartnerGets404() {
        String reader = new TokenIssuer(storage.tokens(), clock).issue(ACME, "r", Set.of(Scopes.APP_READ), null).secret();
        assertThat(call("POST", BASE, "{\"url\":\"" + receiver.url() + "\"}", reader).statusCode()).isEqualTo(403);
        assertThat(call("GET", BASE, null, reader).statusCode()).isEqualTo(403);

        String sid = subscribe(acmeManager, "").get("subscription_sid").stringValue();
        for (String path : new String[] {"", "/deliveries"}) {
            HttpResponse<String> missing = call("GET", BASE + "/" + sid + path, null, globexManager);
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(json(missing).get("message").stringValue()).isEqualTo("Cannot find item by SID");
        }
        assertThat(call("DELETE", BASE + "/" + sid, null, globexManager).statusCode()).isEqualTo(404);
        assertThat(call("POST", BASE + "/" + sid + "/secret", null, globexManager).statusCode()).isEqualTo(404);
        assertThat(json(call("GET", BASE, null, globexManager)).get("total").asInt()).isZero();
    }

    @Test
    void patchChangesTheGivenSettingsAndDeleteRemovesTheSubscription() {
        String sid = subscribe(acmeManager, "").get("subscription_sid").stringValue();

        HttpResponse<String> patched = call("PATCH", BASE + "/" + sid, "{\"filter\":\"role eq host\",\"max_batch\":7}", acmeManager);
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched).get("filter").stringValue()).isEqualTo("role eq host");
        assertThat(json(patched).get("max_batch").asInt()).isEqualTo(7);
        assertThat(json(patched).get("url").stringValue()).isEqualTo(receiver.url());
        HttpResponse<String> failing = call("PATCH", BASE + "/" + sid, "{\"status\":\"failing\"}", acmeManager);
        assertThat(failing.statusCode()).isEqualTo(422);

        assertThat(call("DELETE", BASE + "/" + sid, null, acmeManager).statusCode()).isEqualTo(204);
        assertThat(call("GET", BASE + "/" + sid, null, acmeManager).statusCode()).isEqualTo(404);
    }

    @Test
    void replayNeedsAKnownRecordOrADate() {
        String sid = subscribe(acmeManager, "").get("subscription_sid").stringValue();

        assertThat(call("POST", BASE + "/" + sid + "/replay", "{}", acmeManager).statusCode()).isEqualTo(422);
        assertThat(call("POST", BASE + "/" + sid + "/replay", "{\"after\":\"nope\"}", acmeManager).statusCode()).isEqualTo(422);
        assertThat(call("POST", BASE + "/" + sid + "/replay", "{\"date_insert_from\":\"yesterday\"}", acmeManager).statusCode()).isEqualTo(422);
        assertThat(call("POST", BASE + "/" + sid + "/replay", "{\"date_insert_from\":\"2024-01-01T00:00:00Z\"}", acmeManager).statusCode()).isEqualTo(202);
    }

    /** Four deliveries of one record each; the first answered 500 twice: six attempts, newest first. */
    private String subscriptionWithSixAttempts() {
        receiver.answerNext(new Receiver.Answer.Status(500), new Receiver.Answer.Status(500));
        String sid = subscribe(acmeManager, "\"max_batch\":1").get("subscription_sid").stringValue();
        ingest(ACME, 4);
        receiver.awaitAcknowledged(4);
        awaitLog(sid, 6);
        return sid;
    }

    private JsonNode deliveriesPage(String sid, String query) {
        HttpResponse<String> page = call("GET", BASE + "/" + sid + "/deliveries?" + query, null, acmeManager);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String key(JsonNode attempt) {
        return attempt.get("delivery_sid").stringValue() + ":" + attempt.get("attempt").asInt();
    }

    @Test
    void theDeliveryLogIsFilteredWithTheListRoutesLanguage() {
        String sid = subscriptionWithSixAttempts();

        JsonNode failed = deliveriesPage(sid, "filter=" + encode("status_code eq 500 and acknowledged eq false"));
        assertThat(failed.get("total").asInt()).isEqualTo(2);
        assertThat(failed.get("items").valueStream().map(a -> a.get("attempt").asInt()).toList()).containsExactly(2, 1);
        JsonNode firstTries = deliveriesPage(sid, "filter=" + encode("attempt eq 1 and count in (1, 2)"));
        assertThat(firstTries.get("total").asInt()).isEqualTo(4);
        JsonNode retried = deliveriesPage(sid, "filter=" + encode("attempt gt 1 and status_code ne 500 and error eq null"));
        assertThat(retried.get("items").valueStream().map(a -> a.get("attempt").asInt()).toList()).containsExactly(3);
    }

    @Test
    void theDeliveryLogIsOrderedAndFollowingNextVisitsEveryAttemptOnce() {
        String sid = subscriptionWithSixAttempts();
        List<String> newestFirst = deliveriesPage(sid, "limit=1000").get("items").valueStream().map(SubscriptionApiContract::key).toList();
        assertThat(newestFirst).hasSize(6).doesNotHaveDuplicates();

        List<String> walked = new java.util.ArrayList<>();
        JsonNode page = deliveriesPage(sid, "limit=4&order=date+asc");
        while (true) {
            page.get("items").forEach(a -> walked.add(key(a)));
            if (!page.get("pagination").has("next")) {
                break;
            }
            String next = page.get("pagination").get("next").stringValue();
            assertThat(next).contains("order=date%20asc").contains("limit=4").contains("after=");
            page = json(call("GET", next.substring(next.indexOf("/core")), null, acmeManager));
        }
        assertThat(walked).containsExactlyElementsOf(newestFirst.reversed());

        JsonNode second = deliveriesPage(sid, "limit=2&after=" + newestFirst.get(1));
        assertThat(second.get("items").valueStream().map(SubscriptionApiContract::key).toList()).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(second.get("pagination").has("previous")).isTrue();
        JsonNode before = deliveriesPage(sid, "limit=2&before=" + newestFirst.get(4));
        assertThat(before.get("items").valueStream().map(SubscriptionApiContract::key).toList()).containsExactlyElementsOf(newestFirst.subList(2, 4));
        JsonNode byStatus = deliveriesPage(sid, "order=status_code&limit=1000");
        assertThat(byStatus.get("items").valueStream().map(a -> a.get("status_code").asInt()).toList())
                .containsExactly(204, 204, 204, 204, 500, 500);
    }

    @Test
    void badDeliveryLogParametersAre400sNamingTheParameter() {
        String sid = subscriptionWithSixAttempts();
        String newest = key(deliveriesPage(sid, "").get("items").get(0));
        for (String[] bad : new String[][] {
                {"filter=" + encode("duration gt 5"), "filter", "unknown attribute 'duration'"},
                {"filter=" + encode("attempt eq"), "filter", "expected a value but found the end of the filter"},
                {"filter=" + encode("attempt like 1%"), "filter", "like can only be used on text attributes"},
                {"order=duration", "order", "not on 'duration'"},
                {"limit=0", "limit", "limit must be a whole number from 1 to 1000"},
                {"offset=2&after=" + newest, "offset", "offset cannot be combined with after or before"},
                {"after=" + newest + "&before=" + newest, "before", "after and before cannot be combined"},
                {"after=no-such-delivery", "after", "no attempt no-such-delivery"}}) {
            HttpResponse<String> refused = call("GET", BASE + "/" + sid + "/deliveries?" + bad[0], null, acmeManager);
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
            JsonNode error = json(refused).get("errors").get(0);
            assertThat(error.get("field").stringValue()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(error.get("message").stringValue()).as(bad[0]).contains(bad[2]);
        }
    }
}
