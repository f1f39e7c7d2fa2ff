package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.IssuedToken;
import io.confcdr.auth.Scopes;
import io.confcdr.model.Cdr;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bearer tokens, scopes and partner visibility. */
abstract class AuthApiContract extends AbstractApiTest {

    private static final String LIST = "/core/v2/app/conference/calls";
    private static final String UNAUTHORIZED =
            "{\"errors\":[{\"field\":\"Authorization\",\"message\":\"%s\"}],\"message\":\"Unauthorized\"}";
    private static final String BAD_CREDENTIALS =
            "{\"errors\":[{\"field\":\"Authorization\",\"message\":\"the token is unknown, revoked or expired\"}],\"message\":\"Bad credentials\"}";

    private Cdr ingestFor(String partnerSid, int n) {
        Cdr leg = Calls.leg(n, partnerSid);
        String bridgeToken = issue(partnerSid, Scopes.CDR_INGEST);
        assertThat(post(ndjson(List.of(leg)), "application/x-ndjson", bridgeToken).statusCode()).isEqualTo(200);
        return leg;
    }

    @Test
    void aRequestWithoutTokenIs401Unauthorized() {
        HttpResponse<String> response = get(LIST, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).isEqualTo(UNAUTHORIZED.formatted("send the header Authorization: Bearer <token>"));
    }

    @Test
    void anotherSchemeThanBearerIs401Unauthorized() {
        HttpResponse<String> response = getWithHeader(LIST, "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED.formatted("the Authorization header must use the Bearer scheme"));
    }

    @Test
    void anUnknownTokenIs401BadCredentials() {
        HttpResponse<String> response = get(LIST, "ccdr_" + "A".repeat(43));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(BAD_CREDENTIALS);
    }

    @Test
    void aRevokedTokenIs401BadCredentials() {
        IssuedToken token = issueToken(ACME, null, Scopes.APP_READ);
        assertThat(get(LIST, token.secret()).statusCode()).isEqualTo(200);
        storage.tokens().revoke(token.token().id(), NOW);

        HttpResponse<String> response = get(LIST, token.secret());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(BAD_CREDENTIALS);
    }

    @Test
    void anExpiredTokenIs401BadCredentials() {
        IssuedToken token = issueToken(ACME, NOW, Scopes.APP_READ);

        HttpResponse<String> response = get(LIST, token.secret());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(BAD_CREDENTIALS);
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        assertThat(getWithHeader(LIST, "bearer " + acmeReader).statusCode()).isEqualTo(200);
    }

    @Test
    void readingWithoutAReadScopeIs403() {
        HttpResponse<String> response = get(LIST, acmeIngest);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo(
                "{\"errors\":[{\"field\":null,\"message\":\"this token needs the scope app.read or app.manage\"}],\"message\":\"Forbidden\"}");
    }

    @Test
    void ingestingWithoutTheIngestScopeIs403AndStoresNothing() {
        HttpResponse<String> response = post(ndjson(List.of(Calls.leg(1, ACME))), "application/x-ndjson", acmeReader);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(listedCallSids(acmeReader)).isEmpty();
    }

    @Test
    void anotherPartnersRecordIsAnsweredExactlyLikeAMissingOne() {
        Cdr globex = ingestFor(GLOBEX, 1);

        HttpResponse<String> hidden = getRecord(globex.callSid(), acmeReader);
        HttpResponse<String> missing = getRecord("69057c3e-bb90-4ed3-9c53-999999999999", acmeReader);

        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).isEqualTo(missing.body());
        assertThat(getRecord(globex.callSid(), globexReader).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenListsOnlyItsOwnPartnersRecords() {
        Cdr acme = ingestFor(ACME, 1);
        ingestFor(EMEA, 2);
        ingestFor(GLOBEX, 3);

        assertThat(listedCallSids(acmeReader)).containsExactly(acme.callSid());
    }

    @Test
    void readDescendantSeesTheWholeSubtreeAndNothingElse() {
        Cdr acme = ingestFor(ACME, 1);
        Cdr emea = ingestFor(EMEA, 2);
        Cdr paris = ingestFor(PARIS, 3);
        ingestFor(GLOBEX, 4);

        assertThat(listedCallSids(acmeSubtreeReader)).containsExactly(acme.callSid(), emea.callSid(), paris.callSid());
        assertThat(getRecord(paris.callSid(), acmeSubtreeReader).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutReadDescendantAParentCannotSeeItsChildsRecords() {
        Cdr emea = ingestFor(EMEA, 2);

        assertThat(getRecord(emea.callSid(), acmeReader).statusCode()).isEqualTo(404);
        assertThat(getRecord(emea.callSid(), emeaManager).statusCode()).isEqualTo(200);
    }

    @Test
    void aChildsTokenCannotSeeItsParentsRecords() {
        Cdr acme = ingestFor(ACME, 1);

        assertThat(getRecord(acme.callSid(), emeaManager).statusCode()).isEqualTo(404);
    }

    @Test
    void noTokenSentInAHeaderOrItsHashAppearsInAnyResponseOrLogLine() throws Exception {
        IssuedToken token = issueToken(ACME, null, Scopes.APP_READ);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> secrets = List.of(token.secret(), HexFormat.of().formatHex(hash),
                Base64.getEncoder().encodeToString(hash), Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        storage.tokens().revoke(token.token().id(), NOW);

        StringBuilder bodies = new StringBuilder();
        bodies.append(get(LIST, token.secret()).body());
        bodies.append(getWithHeader(LIST, "Token " + token.secret()).body());
        bodies.append(post(ndjson(List.of(Calls.leg(1, ACME))), "application/x-ndjson", token.secret()).body());
        bodies.append(post("[", "application/json", acmeIngest).body());
        bodies.append(get(LIST + "?limit=0", acmeReader).body());

        for (String secret : secrets) {
            assertThat(bodies.toString()).doesNotContain(secret);
            assertThat(logText()).doesNotContain(secret);
        }
    }
}
