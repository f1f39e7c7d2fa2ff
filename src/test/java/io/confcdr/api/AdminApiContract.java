package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import io.confcdr.auth.IssuedToken;
import io.confcdr.auth.Scopes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin routes: partners ({@code /core/v2/partners}) and tokens ({@code /core/v2/oauth/…}), each
 * confined to the caller's own subtree, where anything outside answers like something that does not exist.
 * Uses the tree of {@link AbstractApiTest}: ACME → EMEA → PARIS, and GLOBEX beside it.
 */
abstract class AdminApiContract extends AbstractAdminApiTest {

    private static final String NOT_FOUND_PARTNER =
            "{\"errors\":[{\"field\":\"partner_sid\",\"message\":\"Cannot find item by SID\"}],\"message\":\"Cannot find item by SID\"}";
    private static final String UNKNOWN_PARTNER_SID = "00000000-0000-4000-8000-000000000000";

    private static final SchemaRegistry OPENAPI = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance());

    /** Schema violations of {@code response}'s body against a schema of the published OpenAPI document. */
    private static List<String> violations(String schema, HttpResponse<String> response) {
        return OPENAPI.getSchema(SchemaLocation.of("classpath:openapi.json#/components/schemas/" + schema))
                .validate(json(response)).stream().map(Object::toString).toList();
    }

    private static List<String> sids(HttpResponse<String> list, String key) {
        return json(list).get("items").valueStream().map(item -> item.get(key).stringValue()).toList();
    }

    // ---- partners ----

    @Test
    void aCreatedPartnerIsAChildOfTheCallersPartnerUnlessAnotherParentIsGiven() {
        HttpResponse<String> created = sendJson("POST", PARTNERS, "{\"name\":\"Acme Lyon\",\"callbacks\":{\"cdr\":\"https://lyon.example.com/cdr\"}}", emeaAdmin);

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode partner = json(created);
        assertThat(partner.propertyNames()).containsExactly("callbacks", "cdr_retention_days", "date_created", "name", "parent_sid", "partner_sid", "status");
        assertThat(partner.get("parent_sid").stringValue()).isEqualTo(EMEA);
        assertThat(partner.get("status").stringValue()).isEqualTo("active");
        assertThat(partner.get("date_created").stringValue()).isEqualTo("2026-11-24T12:00:00.000Z");
        assertThat(get(PARTNERS + "/" + partner.get("partner_sid").stringValue(), emeaAdmin).body()).isEqualTo(created.body());
    }

    @Test
    void creatingUnderAPartnerOutsideTheSubtreeIsRefusedLikeUnderAnUnknownOne() {
        HttpResponse<String> outside = sendJson("POST", PARTNERS, "{\"name\":\"Intruder\",\"parent_sid\":\"" + ACME + "\"}", emeaAdmin);
        HttpResponse<String> unknown = sendJson("POST", PARTNERS, "{\"name\":\"Intruder\",\"parent_sid\":\"" + UNKNOWN_PARTNER_SID + "\"}", emeaAdmin);

        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(outside.body()).isEqualTo(unknown.body());
        assertThat(sids(get(PARTNERS + "?limit=100", acmeAdmin), "name")).doesNotContain("Intruder");
    }

    @Test
    void theListHoldsTheCallersSubtreeOnlyInTheCdrEnvelope() {
        HttpResponse<String> response = get(PARTNERS, emeaAdmin);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).propertyNames()).containsExactly("count", "has_more", "items", "limit", "offset", "pagination", "total");
        assertThat(sids(response, "partner_sid")).containsExactlyInAnyOrder(EMEA, PARIS);
        assertThat(json(response).get("total").intValue()).isEqualTo(2);
    }

    @Test
    void theListPagesByOffsetAndLimit() {
        HttpResponse<String> first = get(PARTNERS + "?limit=2", acmeAdmin);
        HttpResponse<String> second = get(PARTNERS + "?limit=2&offset=2", acmeAdmin);

        assertThat(json(first).get("has_more").booleanValue()).isTrue();
        assertThat(json(first).get("pagination").get("next").stringValue()).endsWith(PARTNERS + "?limit=2&offset=2");
        assertThat(json(second).get("has_more").booleanValue()).isFalse();
        assertThat(List.of(sids(first, "partner_sid"), sids(second, "partner_sid")).stream().flatMap(List::stream))
                .containsExactlyInAnyOrder(ACME, EMEA, PARIS);
    }

    @Test
    void aPartnerOutsideTheSubtreeIsAnsweredExactlyLikeAMissingOneOnEveryMethod() {
        for (String sid : List.of(ACME, GLOBEX, UNKNOWN_PARTNER_SID)) {
            assertThat(get(PARTNERS + "/" + sid, emeaAdmin).body()).as("GET %s", sid).isEqualTo(NOT_FOUND_PARTNER);
            assertThat(sendJson("PATCH", PARTNERS + "/" + sid, "{\"name\":\"Mine now\"}", emeaAdmin).body()).as("PATCH %s", sid)
                    .isEqualTo(NOT_FOUND_PARTNER);
            assertThat(delete(PARTNERS + "/" + sid, emeaAdmin).body()).as("DELETE %s", sid).isEqualTo(NOT_FOUND_PARTNER);
        }
        assertThat(storage.partners().find(ACME).orElseThrow().name()).isEqualTo("Acme");
    }

    @Test
    void patchChangesNameStatusAndCallbacksAndKeepsTheRest() {
        HttpResponse<String> response = sendJson("PATCH", PARTNERS + "/" + PARIS,
                "{\"name\":\"Acme Paris Nord\",\"status\":\"suspended\",\"callbacks\":{\"cdr\":\"https://p.example.com/\"}}", emeaAdmin);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"callbacks\":{\"cdr\":\"https://p.example.com/\"},\"cdr_retention_days\":null,\"date_created\":\"2026-11-24T12:00:00.000Z\","
                + "\"name\":\"Acme Paris Nord\",\"parent_sid\":\"" + EMEA + "\",\"partner_sid\":\"" + PARIS + "\",\"status\":\"suspended\"}");
        assertThat(get(PARTNERS + "/" + PARIS, emeaAdmin).body()).isEqualTo(response.body());
    }

    @Test
    void aPartnerCannotMoveItself() {
        HttpResponse<String> response = sendJson("PATCH", PARTNERS + "/" + EMEA, "{\"parent_sid\":null}", emeaAdmin);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(storage.partners().find(EMEA).orElseThrow().parentSid()).isEqualTo(ACME);
    }

    @Test
    void movingAPartnerUnderItsOwnDescendantIsRefused() {
        HttpResponse<String> response = sendJson("PATCH", PARTNERS + "/" + EMEA, "{\"parent_sid\":\"" + PARIS + "\"}", acmeAdmin);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).get("field").stringValue()).isEqualTo("parent_sid");
        assertThat(storage.partners().find(EMEA).orElseThrow().parentSid()).isEqualTo(ACME);
    }

    @Test
    void movingAPartnerOutOfTheSubtreeIsRefused() {
        HttpResponse<String> response = sendJson("PATCH", PARTNERS + "/" + PARIS, "{\"parent_sid\":\"" + GLOBEX + "\"}", emeaAdmin);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(storage.partners().subtree(GLOBEX)).containsExactly(GLOBEX);
    }

    @Test
    void aPartnerMovesWithinTheSubtreeAndItsRecordsFollowItsNewAncestors() {
        HttpResponse<String> response = sendJson("PATCH", PARTNERS + "/" + PARIS, "{\"parent_sid\":\"" + ACME + "\"}", acmeAdmin);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(storage.partners().subtree(EMEA)).containsExactly(EMEA);
        assertThat(storage.partners().subtree(ACME)).containsExactlyInAnyOrder(ACME, EMEA, PARIS);
    }

    @Test
    void deletingALeafWithoutRecordsRemovesItAndRevokesItsTokens() {
        String parisReader = issue(PARIS, Scopes.APP_READ);

        HttpResponse<String> response = delete(PARTNERS + "/" + PARIS, emeaAdmin);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(get(PARTNERS + "/" + PARIS, emeaAdmin).body()).isEqualTo(NOT_FOUND_PARTNER);
        assertThat(get("/core/v2/app/conference/calls", parisReader).statusCode()).isEqualTo(401);
    }

    @Test
    void deletingAPartnerWithSubPartnersIs409() {
        HttpResponse<String> response = delete(PARTNERS + "/" + EMEA, acmeAdmin);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(storage.partners().find(EMEA)).isPresent();
    }

    @Test
    void deletingAPartnerWithCallRecordsIs409() {
        assertThat(post(ndjson(List.of(Calls.leg(1, PARIS))), "application/x-ndjson", acmeAdmin).statusCode()).isEqualTo(200);

        HttpResponse<String> response = delete(PARTNERS + "/" + PARIS, emeaAdmin);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("errors").get(0).get("message").stringValue()).isEqualTo("the partner has call records");
    }

    @Test
    void aPartnerCannotDeleteItself() {
        assertThat(delete(PARTNERS + "/" + PARIS, issue(PARIS, Scopes.PARTNERS_MANAGE)).statusCode()).isEqualTo(409);
        assertThat(storage.partners().find(PARIS)).isPresent();
    }

    @Test
    void partnerRoutesNeedPartnersManage() {
        String tokenAdminOnly = issue(ACME, Scopes.OAUTH_MANAGE, Scopes.APP_MANAGE);

        assertThat(get(PARTNERS, tokenAdminOnly).statusCode()).isEqualTo(403);
        assertThat(sendJson("POST", PARTNERS, "{\"name\":\"X\"}", tokenAdminOnly).statusCode()).isEqualTo(403);
        assertThat(delete(PARTNERS + "/" + PARIS, tokenAdminOnly).statusCode()).isEqualTo(403);
    }

    @Test
    void aBodyThatIsNotAPartnerObjectIsRefused() {
        assertThat(sendJson("POST", PARTNERS, "[1]", acmeAdmin).statusCode()).isEqualTo(400);
        assertThat(sendJson("POST", PARTNERS, "{\"name\":", acmeAdmin).statusCode()).isEqualTo(400);
        assertThat(sendJson("POST", PARTNERS, "{\"name\":7}", acmeAdmin).statusCode()).isEqualTo(422);
        assertThat(sendJson("POST", PARTNERS, "{\"name\":\"X\",\"status\":\"deleted\"}", acmeAdmin).statusCode()).isEqualTo(422);
        assertThat(sendJson("POST", PARTNERS, "{\"name\":\"" + "x".repeat(70_000) + "\"}", acmeAdmin).statusCode()).isEqualTo(413);
    }

    @Test
    void textThatCannotBeStoredIs422AndCreatesNothing() {
        int before = json(get(PARTNERS + "?limit=1000", acmeAdmin)).get("count").asInt();
        String[] bodies = {
            "{\"name\":\"Acme\\u0000Lyon\"}",
            "{\"name\":\"Acme \\ud800 Lyon\"}",
            "{\"name\":\"Acme Lyon\",\"callbacks\":{\"cdr\":\"https://hooks.example.com/\\u0000\"}}",
            "{\"name\":\"Acme Lyon\",\"callbacks\":{\"c\\u0000dr\":\"https://hooks.example.com/cdr\"}}",
        };
        for (String body : bodies) {
            HttpResponse<String> response = sendJson("POST", PARTNERS, body, acmeAdmin);

            assertThat(response.statusCode()).as(body).isEqualTo(422);
            assertThat(response.body()).as(body).containsAnyOf("must not contain NUL characters", "must be valid Unicode");
        }
        assertThat(json(get(PARTNERS + "?limit=1000", acmeAdmin)).get("count").asInt()).isEqualTo(before);
    }

    @Test
    void aCallbackThatIsNotAnAbsoluteHttpUrlIs422() {
        for (String url : new String[] {"ftp://files.example.com/cdr", "javascript:alert(1)", "/relative/path", "https://", "not a url"}) {
            HttpResponse<String> response = sendJson("POST", PARTNERS,
                    "{\"name\":\"Acme Lyon\",\"callbacks\":{\"cdr\":\"" + url + "\"}}", acmeAdmin);

            assertThat(response.statusCode()).as(url).isEqualTo(422);
            assertThat(response.body()).as(url).contains("every callback must be an absolute http or https URL");
        }
    }

    // ---- tokens ----

    @Test
    void aNewTokensSecretIsShownOnceAndWorks() {
        HttpResponse<String> created = sendJson("POST", NEW_TOKEN, "{\"name\":\"reporting\",\"scopes\":[\"app.read\"]}", acmeAdmin);

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode token = json(created);
        assertThat(token.propertyNames()).containsExactly("access_token", "date_created", "date_expiration_access_token",
                "date_last_accessed", "date_revoked", "name", "partner_sid", "scopes", "token_sid", "token_type");
        String secret = token.get("access_token").stringValue();
        assertThat(secret).startsWith("ccdr_").hasSizeGreaterThanOrEqualTo(5 + 43);
        assertThat(get("/core/v2/app/conference/calls", secret).statusCode()).isEqualTo(200);
        HttpResponse<String> shown = get(TOKENS + "/" + token.get("token_sid").stringValue(), acmeAdmin);
        assertThat(json(shown).has("access_token")).isFalse();
        assertThat(shown.body()).doesNotContain(secret);
    }

    @Test
    void aTokenMayExpireAfterTheGivenSeconds() {
        HttpResponse<String> created = sendJson("POST", NEW_TOKEN, "{\"scopes\":[\"app.read\"],\"access_token_expires_in\":3600}", acmeAdmin);

        assertThat(json(created).get("date_expiration_access_token").stringValue()).isEqualTo("2026-11-24T13:00:00.000Z");
    }

    @Test
    void aTokenCannotGrantAScopeItDoesNotHold() {
        int before = storage.tokens().listForPartner(ACME).size();

        HttpResponse<String> response = sendJson("POST", NEW_TOKEN, "{\"scopes\":[\"app.read\",\"app.read_descendant\"]}", acmeAdmin);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(storage.tokens().listForPartner(ACME)).hasSize(before);
    }

    @Test
    void aTokenIsCreatedForASubPartnerAndSeesOnlyThatPartner() {
        HttpResponse<String> created = sendJson("POST", NEW_TOKEN + "/" + PARIS, "{\"scopes\":[\"app.read\"]}", emeaAdmin);

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(created).get("partner_sid").stringValue()).isEqualTo(PARIS);
    }

    @Test
    void aTokenForAPartnerOutsideTheSubtreeIsRefusedLikeForAnUnknownOne() {
        int before = storage.tokens().listForPartner(ACME).size();

        HttpResponse<String> outside = sendJson("POST", NEW_TOKEN + "/" + ACME, "{\"scopes\":[\"app.read\"]}", emeaAdmin);
        HttpResponse<String> unknown = sendJson("POST", NEW_TOKEN + "/" + UNKNOWN_PARTNER_SID, "{\"scopes\":[\"app.read\"]}", emeaAdmin);

        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(outside.body()).isEqualTo(unknown.body());
        assertThat(storage.tokens().listForPartner(ACME)).hasSize(before);
    }

    @Test
    void aRevokedTokenIsRefusedFromThenOn() {
        IssuedToken token = issueToken(PARIS, null, Scopes.APP_READ);

        HttpResponse<String> response = delete(TOKENS + "/" + token.token().id(), emeaAdmin);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(get("/core/v2/app/conference/calls", token.secret()).statusCode()).isEqualTo(401);
        assertThat(json(get(TOKENS + "/" + token.token().id(), emeaAdmin)).get("date_revoked").stringValue())
                .isEqualTo("2026-11-24T12:00:00.000Z");
    }

    @Test
    void aTokenOutsideTheSubtreeCannotBeSeenOrRevoked() {
        IssuedToken acmeToken = issueToken(ACME, null, Scopes.APP_READ);

        assertThat(get(TOKENS + "/" + acmeToken.token().id(), emeaAdmin).statusCode()).isEqualTo(404);
        assertThat(delete(TOKENS + "/" + acmeToken.token().id(), emeaAdmin).statusCode()).isEqualTo(404);
        assertThat(get("/core/v2/app/conference/calls", acmeToken.secret()).statusCode()).isEqualTo(200);
    }

    @Test
    void theTokenListHoldsTheSubtreesTokensWithoutSecrets() {
        IssuedToken paris = issueToken(PARIS, null, Scopes.APP_READ);

        HttpResponse<String> response = get(TOKENS + "?limit=1000", emeaAdmin);

        assertThat(json(response).get("items").valueStream().map(t -> t.get("partner_sid").stringValue()))
                .containsOnly(EMEA, PARIS).isNotEmpty();
        assertThat(sids(response, "token_sid")).contains(paris.token().id());
        assertThat(json(response).get("items").valueStream()).noneMatch(t -> t.has("access_token"));
        assertThat(response.body()).doesNotContain(paris.secret()).doesNotContain(emeaAdmin);
    }

    @Test
    void tokenRoutesNeedOauthManage() {
        String partnersOnly = issue(ACME, Scopes.PARTNERS_MANAGE, Scopes.APP_READ);

        assertThat(get(TOKENS, partnersOnly).statusCode()).isEqualTo(403);
        assertThat(sendJson("POST", NEW_TOKEN, "{\"scopes\":[\"app.read\"]}", partnersOnly).statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenNameThatCannotBeStoredIs422() {
        HttpResponse<String> response = sendJson("POST", NEW_TOKEN, "{\"name\":\"nightly\\u0000\",\"scopes\":[\"app.read\"]}", acmeAdmin);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).get("field").stringValue()).isEqualTo("name");
    }

    @Test
    void anUnknownScopeIsRefused() {
        HttpResponse<String> response = sendJson("POST", NEW_TOKEN, "{\"scopes\":[\"root\"]}", acmeAdmin);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).get("field").stringValue()).isEqualTo("scopes");
    }

    @Test
    void everyAdminResponseMatchesThePublishedOpenApiSchemas() {
        HttpResponse<String> partner = sendJson("POST", PARTNERS, "{\"name\":\"Acme Lyon\",\"callbacks\":{\"cdr\":\"https://l.example.com/\"}}", acmeAdmin);
        HttpResponse<String> token = sendJson("POST", NEW_TOKEN, "{\"name\":\"t\",\"scopes\":[\"app.read\"],\"access_token_expires_in\":60}", acmeAdmin);

        assertThat(violations("Partner", partner)).isEmpty();
        assertThat(violations("Partner", get(PARTNERS + "/" + PARIS, acmeAdmin))).isEmpty();
        assertThat(violations("PartnerList", get(PARTNERS + "?limit=1&offset=1", acmeAdmin))).isEmpty();
        assertThat(violations("Token", token)).isEmpty();
        assertThat(violations("Token", get(TOKENS + "/" + json(token).get("token_sid").stringValue(), acmeAdmin))).isEmpty();
        assertThat(violations("TokenList", get(TOKENS + "?limit=2&offset=1", acmeAdmin))).isEmpty();
        assertThat(violations("ErrorDocument", get(PARTNERS + "/" + GLOBEX, acmeAdmin))).isEmpty();
    }
}
