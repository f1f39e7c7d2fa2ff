package io.confcdr.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import java.net.http.HttpResponse;
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
}
