package io.confcdr.api;

import io.confcdr.admin.NewToken;
import io.confcdr.admin.TokenAdmin;
import io.confcdr.auth.Caller;
import io.confcdr.auth.IssuedToken;
import io.confcdr.model.ApiToken;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * CarrierX's OAuth routes for confcdr's bearer tokens over {@link TokenAdmin}, all needing {@code oauth.manage}:
 * {@code POST /core/v2/oauth/token} (for the caller's partner), {@code POST /core/v2/oauth/token/{partner_sid}}
 * (for a partner in its subtree), {@code GET /core/v2/oauth/tokens[/{token_sid}]} and
 * {@code DELETE /core/v2/oauth/tokens/{token_sid}} (revoke). The secret is in the creation response only.
 *
 * <pre>
 * curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
 *      -d '{"name":"bridge-1","scopes":["cdr.ingest"],"access_token_expires_in":86400}' \
 *      http://localhost:8080/core/v2/oauth/token
 * </pre>
 */
final class TokenRoutes implements Routes {

    static final String CREATE_PATH = "/core/v2/oauth/token";
    static final String CREATE_FOR_PATH = CREATE_PATH + "/{partner_sid}";
    static final String LIST_PATH = "/core/v2/oauth/tokens";
    static final String ITEM_PATH = LIST_PATH + "/{token_sid}";
    private static final long MAX_EXPIRES_IN_SECONDS = 10L * 366 * 24 * 3600;

    private final TokenAdmin tokens;
    private final RequestAuth auth;
    private final BaseUrl baseUrl;
    private final Clock clock;

    TokenRoutes(TokenAdmin tokens, RequestAuth auth, BaseUrl baseUrl, Clock clock) {
        this.tokens = tokens;
        this.auth = auth;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(CREATE_PATH, ctx -> create(ctx, null));
        routes.post(CREATE_FOR_PATH, ctx -> create(ctx, ctx.pathParam("partner_sid")));
        routes.get(LIST_PATH, this::list);
        routes.get(ITEM_PATH, this::get);
        routes.delete(ITEM_PATH, this::revoke);
    }

    private void create(Context ctx, String partnerSid) {
        Caller caller = manager(ctx);
        if (partnerSid != null) {
            // A partner outside the caller's subtree is a 404 whatever the body holds.
            Refusals.valueOf(tokens.requirePartner(caller, partnerSid));
        }
        JsonNode body = AdminRequests.objectBody(ctx);
        var command = new NewToken(AdminRequests.text(body, "name"), scopes(body), expiry(body));
        IssuedToken issued = Refusals.valueOf(tokens.issue(caller, partnerSid, command));
        JsonOutput.write(ctx, 200, out -> TokenJson.write(out, issued.token(), issued.secret()));
    }

    void list(Context ctx) {
        AdminList.write(ctx, baseUrl.of(ctx) + LIST_PATH, tokens.list(manager(ctx)), TokenJson::write);
    }

    void get(Context ctx) {
        ApiToken token = Refusals.valueOf(tokens.get(manager(ctx), ctx.pathParam("token_sid")));
        JsonOutput.write(ctx, 200, out -> TokenJson.write(out, token));
    }

    void revoke(Context ctx) {
        Refusals.valueOf(tokens.revoke(manager(ctx), ctx.pathParam("token_sid")));
        ctx.status(204);
    }

    private Caller manager(Context ctx) {
        Caller caller = auth.authenticate(ctx);
        tokens.requireMayManage(caller);
        return caller;
    }

    /** The {@code scopes} array as names; the use case decides which names are acceptable. */
    private static Set<String> scopes(JsonNode body) {
        JsonNode node = body.get("scopes");
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw AdminRequests.invalid("scopes", "must be a non-empty array of scope names");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (JsonNode scope : node) {
            if (!scope.isString()) {
                throw AdminRequests.invalid("scopes", "must be a non-empty array of scope names");
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
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.longValue() < 1 || node.longValue() > MAX_EXPIRES_IN_SECONDS) {
            throw AdminRequests.invalid("access_token_expires_in", "must be a whole number of seconds from 1 to ten years");
        }
        return clock.instant().plus(Duration.ofSeconds(node.longValue()));
    }
}
