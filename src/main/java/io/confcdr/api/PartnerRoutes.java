package io.confcdr.api;

import io.confcdr.admin.Change;
import io.confcdr.admin.NewPartner;
import io.confcdr.admin.PartnerAdmin;
import io.confcdr.admin.PartnerPatch;
import io.confcdr.admin.PartnerRules;
import io.confcdr.auth.Caller;
import io.confcdr.model.Partner;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code /core/v2/partners[/{partner_sid}]}, CarrierX's partner routes over {@link PartnerAdmin}: a token with
 * {@code partners.manage} creates, reads, changes and deletes partners in its own subtree.
 *
 * <pre>
 * curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
 *      -d '{"name":"Acme Paris","parent_sid":"…"}' http://localhost:8080/core/v2/partners
 * </pre>
 */
final class PartnerRoutes implements Routes {

    static final String LIST_PATH = "/core/v2/partners";
    static final String ITEM_PATH = LIST_PATH + "/{partner_sid}";
    private static final String RETENTION = "cdr_retention_days";

    private final PartnerAdmin partners;
    private final RequestAuth auth;
    private final BaseUrl baseUrl;

    PartnerRoutes(PartnerAdmin partners, RequestAuth auth, BaseUrl baseUrl) {
        this.partners = partners;
        this.auth = auth;
        this.baseUrl = baseUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(LIST_PATH, this::create);
        routes.get(LIST_PATH, this::list);
        routes.get(ITEM_PATH, this::get);
        routes.patch(ITEM_PATH, this::update);
        routes.delete(ITEM_PATH, this::delete);
    }

    void create(Context ctx) {
        Caller caller = manager(ctx);
        JsonNode body = AdminRequests.objectBody(ctx);
        var command = new NewPartner(null, AdminRequests.text(body, "name"), AdminRequests.text(body, "parent_sid"),
                AdminRequests.text(body, "status"), callbacks(body), retentionDays(body));
        Partner partner = Refusals.valueOf(partners.create(caller, command));
        JsonOutput.write(ctx, 200, out -> PartnerJson.write(out, partner));
    }

    void list(Context ctx) {
        Caller caller = manager(ctx);
        AdminList.write(ctx, baseUrl.of(ctx) + LIST_PATH, partners.list(caller), PartnerJson::write);
    }

    void get(Context ctx) {
        Partner partner = Refusals.valueOf(partners.get(manager(ctx), ctx.pathParam("partner_sid")));
        JsonOutput.write(ctx, 200, out -> PartnerJson.write(out, partner));
    }

    void update(Context ctx) {
        Caller caller = manager(ctx);
        String sid = ctx.pathParam("partner_sid");
        // An unknown partner is a 404 whatever the body holds.
        Refusals.valueOf(partners.get(caller, sid));
        JsonNode body = AdminRequests.objectBody(ctx);
        var patch = new PartnerPatch(
                body.has("name") ? Change.to(AdminRequests.text(body, "name")) : Change.keep(),
                body.has("parent_sid") ? Change.to(AdminRequests.text(body, "parent_sid")) : Change.keep(),
                body.has("status") ? Change.to(AdminRequests.text(body, "status")) : Change.keep(),
                body.has("callbacks") ? Change.to(callbacks(body)) : Change.keep(),
                body.has(RETENTION) ? Change.to(retentionDays(body)) : Change.keep());
        Partner changed = Refusals.valueOf(partners.update(caller, sid, patch));
        JsonOutput.write(ctx, 200, out -> PartnerJson.write(out, changed));
    }

    void delete(Context ctx) {
        Refusals.valueOf(partners.delete(manager(ctx), ctx.pathParam("partner_sid")));
        ctx.status(204);
    }

    private Caller manager(Context ctx) {
        Caller caller = auth.authenticate(ctx);
        partners.requireMayManage(caller);
        return caller;
    }

    /** {@code cdr_retention_days}: null when absent or null; 422 unless a whole number in range. */
    private static Integer retentionDays(JsonNode body) {
        JsonNode node = body.get(RETENTION);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()
                || PartnerRules.retentionProblem(node.intValue()) != null) {
            throw AdminRequests.invalid(RETENTION, PartnerRules.retentionProblem(0));
        }
        return node.intValue();
    }

    /** The {@code callbacks} object as a map of names to URL strings; null when absent or null. */
    private static Map<String, String> callbacks(JsonNode body) {
        JsonNode node = body.get("callbacks");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw AdminRequests.invalid("callbacks", "must be an object of at most 32 callback URLs");
        }
        Map<String, String> callbacks = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            if (!entry.getValue().isString()) {
                throw AdminRequests.invalid("callbacks", "every callback must be a URL string of at most 2048 characters");
            }
            callbacks.put(entry.getKey(), entry.getValue().stringValue());
        }
        return callbacks;
    }
}
