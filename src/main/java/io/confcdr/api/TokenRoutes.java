package io.confcdr.api;

import io.confcdr.auth.Caller;
import io.confcdr.auth.ForbiddenException;
import io.confcdr.auth.IssuedToken;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Timestamps;
import io.confcdr.store.Storage;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * CarrierX's OAuth routes for confcdr's bearer tokens, all needing {@code oauth.manage}:
 * {@code POST /core/v2/oauth/token} (for the caller's partner), {@code POST /core/v2/oauth/token/{partner_sid}}
 * (for a partner in its subtree), {@code GET /core/v2/oauth/tokens[/{token_sid}]} and
 * {@code DELETE /core/v2/oauth/tokens/{token_sid}} (revoke). A token never grants more than it holds:
 * the new token's scopes must be a subset of the caller's. The secret is in the creation response only.
 *
 * <pre>
 * curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
 *      -d '{"name":"bridge-1","scopes":["cdr.ingest"],"access_token_expires_in":86400}' \
 *      http://localhost:8080/core/v2/oauth/token
 * </pre>
 */
final class TokenRoutes {

    static final String CREATE_PATH = "/core/v2/oauth/token";
    static final String CREATE_FOR_PATH = CREATE_PATH + "/{partner_sid}";
    static final String LIST_PATH = "/core/v2/oauth/tokens";
    static final String ITEM_PATH = LIST_PATH + "/{token_sid}";
    private static final int MAX_NAME = 256;

    private final Storage storage;
    private final RequestAuth auth;
    private final TokenIssuer issuer;
    private final BaseUrl baseUrl;
    private final Clock clock;

    TokenRoutes(Storage storage, RequestAuth auth, BaseUrl baseUrl, Clock clock) {
        this.storage = storage;
        this.auth = auth;
        this.issuer = new TokenIssuer(storage.tokens(), clock);
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    void createForSelf(Context ctx) {
        Caller caller = manager(ctx);
        create(ctx, caller, caller.partnerSid());
    }

    void createForPartner(Context ctx) {
        Caller caller = manager(ctx);
        String partnerSid = ctx.pathParam("partner_sid");
        if (!caller.manages(partnerSid, storage.partners())) {
            throw AdminRequests.notFound("partner_sid");
        }
        create(ctx, caller, partnerSid);
    }

    private void create(Context ctx, Caller caller, String partnerSid) {
        JsonNode body = AdminRequests.objectBody(ctx);
        String name = AdminRequests.text(body, "name");
        if (name != null && name.length() > MAX_NAME) {
            throw AdminRequests.invalid("name", "must be at most " + MAX_NAME + " characters");
        }
        Set<String> scopes = scopes(body);
        for (String scope : scopes) {
            if (!caller.token().hasScope(scope)) {
                throw new ForbiddenException("a token cannot grant the scope " + scope + ", which it does not hold");
            }
        }
        IssuedToken issued = issuer.issue(partnerSid, name, scopes, expiry(body));
        JsonOutput.write(ctx, 200, out -> TokenJson.write(out, issued.token(), issued.secret()));
    }

    void list(Context ctx) {
        Caller caller = manager(ctx);
        List<ApiToken> tokens = storage.tokens().listForPartners(storage.partners().subtree(caller.partnerSid()));
        AdminList.write(ctx, baseUrl.of(ctx) + LIST_PATH, tokens, TokenJson::write);
    }

    void get(Context ctx) {
        ApiToken token = managedToken(ctx, manager(ctx));
        JsonOutput.write(ctx, 200, out -> TokenJson.write(out, token));
    }

    /** Revokes the token; revoking a revoked token again changes nothing and answers the same 204. */
    void revoke(Context ctx) {
        ApiToken token = managedToken(ctx, manager(ctx));
        if (token.dateRevoked() == null) {
            storage.tokens().revoke(token.id(), Timestamps.truncate(clock.instant()));
        }
        ctx.status(204);
    }

    private Caller manager(Context ctx) {
        Caller caller = auth.authenticate(ctx);
        caller.requireAnyScope(Scopes.OAUTH_MANAGE);
        return caller;
    }

    /**
     * The token named in the path if it belongs to the caller's subtree. A missing token and one outside
     * the subtree cost the same two queries and answer the same 404.
     */
    private ApiToken managedToken(Context ctx, Caller caller) {
        Set<String> managed = storage.partners().subtree(caller.partnerSid());
        return storage.tokens().findById(ctx.pathParam("token_sid"))
                .filter(token -> managed.contains(token.partnerSid()))
                .orElseThrow(() -> AdminRequests.notFound("token_sid"));
    }

    private static Set<String> scopes(JsonNode body) {
        JsonNode node = body.get("scopes");
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw AdminRequests.invalid("scopes", "must be a non-empty array of scope names");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (JsonNode scope : node) {
            if (!scope.isString() || !Scopes.ALL.contains(scope.stringValue())) {
                throw AdminRequests.invalid("scopes", "unknown scope; known scopes are " + String.join(", ", new TreeSet<>(Scopes.ALL)));
            }
            scopes.add(scope.stringValue());
        }
        return scopes;
    }

    /** {@code access_token_expires_in} seconds from now; absent means a token that does not expire. */
    private Instant expiry(JsonNode body) {
        JsonNode node = body.get("access_token_expires_in");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.longValue() < 1 || node.longValue() > 10L * 366 * 24 * 3600) {
            throw AdminRequests.invalid("access_token_expires_in", "must be a whole number of seconds from 1 to ten years");
        }
        return clock.instant().plus(Duration.ofSeconds(node.longValue()));
    }
}
