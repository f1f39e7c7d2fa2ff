package io.confcdr.api;

import io.confcdr.auth.Caller;
import io.confcdr.lifecycle.ErasureRequest;
import io.confcdr.lifecycle.Erasures;
import io.confcdr.model.Erasure;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;

/**
 * {@code /core/v2/app/conference/erasures}, privacy requests over {@link Erasures}: a token with
 * {@code app.manage} deletes or redacts every record it can read that names a number, and lists the
 * erasures of its subtree.
 *
 * <pre>
 * curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
 *      -d '{"number":"+17605692222","mode":"redact"}' http://localhost:8080/core/v2/app/conference/erasures
 * </pre>
 */
final class ErasureRoutes implements Routes {

    static final String PATH = "/core/v2/app/conference/erasures";

    private final Erasures erasures;
    private final RequestAuth auth;
    private final BaseUrl baseUrl;

    ErasureRoutes(Erasures erasures, RequestAuth auth, BaseUrl baseUrl) {
        this.erasures = erasures;
        this.auth = auth;
        this.baseUrl = baseUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH, this::erase);
        routes.get(PATH, this::list);
    }

    void erase(Context ctx) {
        Caller caller = manager(ctx);
        JsonNode body = AdminRequests.objectBody(ctx);
        var request = new ErasureRequest(AdminRequests.text(body, "number"), AdminRequests.text(body, "mode"),
                AdminRequests.text(body, "date_from"), AdminRequests.text(body, "date_to"));
        Erasure erasure = Refusals.valueOf(erasures.erase(caller, request));
        JsonOutput.write(ctx, 200, out -> ErasureJson.writeReceipt(out, erasure));
    }

    void list(Context ctx) {
        Caller caller = manager(ctx);
        AdminList.write(ctx, baseUrl.of(ctx) + PATH, erasures.list(caller), ErasureJson::writeListed);
    }

    private Caller manager(Context ctx) {
        Caller caller = auth.authenticate(ctx);
        erasures.requireMayErase(caller);
        return caller;
    }
}
