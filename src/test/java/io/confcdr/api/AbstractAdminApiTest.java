package io.confcdr.api;

import io.confcdr.auth.Scopes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;

/** {@link AbstractApiTest} plus an administrator token for ACME's and for EMEA's subtree, and JSON requests. */
abstract class AbstractAdminApiTest extends AbstractApiTest {

    static final String PARTNERS = "/core/v2/partners";
    static final String TOKENS = "/core/v2/oauth/tokens";
    static final String NEW_TOKEN = "/core/v2/oauth/token";

    /** Manages partners and tokens of ACME's subtree (and may read, to try the tokens it makes). */
    protected String acmeAdmin;
    /** Manages partners and tokens of EMEA's subtree. */
    protected String emeaAdmin;

    @BeforeEach
    void admins() {
        acmeAdmin = issue(ACME, Scopes.PARTNERS_MANAGE, Scopes.OAUTH_MANAGE, Scopes.APP_READ, Scopes.CDR_INGEST);
        emeaAdmin = issue(EMEA, Scopes.PARTNERS_MANAGE, Scopes.OAUTH_MANAGE, Scopes.APP_READ);
    }

    protected HttpResponse<String> sendJson(String method, String path, String body, String token) {
        var request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(request.build());
    }

    protected HttpResponse<String> delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).DELETE().build());
    }
}
