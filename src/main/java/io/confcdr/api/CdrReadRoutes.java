package io.confcdr.api;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.model.Cdr;
import io.confcdr.model.CdrJson;
import io.confcdr.model.FieldSelection;
import io.confcdr.query.ListRequest;
import io.confcdr.query.ListRequestParser;
import io.confcdr.query.Visibility;
import io.confcdr.store.Page;
import io.confcdr.store.Storage;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /core/v2/app/conference/calls} and {@code GET /core/v2/app/conference/calls/{call_sid}},
 * as CarrierX answers them. Both need {@code app.read} or {@code app.manage}, and see only the caller's
 * partner (its subtree with {@code app.read_descendant}).
 */
final class CdrReadRoutes {

    static final String LIST_PATH = "/core/v2/app/conference/calls";
    static final String RECORD_PATH = LIST_PATH + "/{call_sid}";

    private final Storage storage;
    private final RequestAuth auth;
    private final BaseUrl baseUrl;

    CdrReadRoutes(Storage storage, RequestAuth auth, BaseUrl baseUrl) {
        this.storage = storage;
        this.auth = auth;
        this.baseUrl = baseUrl;
    }

    void getRecord(Context ctx) {
        Visibility visibility = readerVisibility(ctx);
        Map<String, List<String>> params = QueryParams.of(ctx, Set.of("include_fields", "exclude_fields"));
        FieldSelection fields = ListRequestParser.fieldSelection(first(params, "include_fields"), first(params, "exclude_fields"));
        Cdr cdr = storage.cdrs().find(ctx.pathParam("call_sid"), visibility).orElseThrow(ApiError::recordNotFound);
        JsonOutput.write(ctx, 200, out -> CdrJson.write(out, cdr, fields));
    }

    void listRecords(Context ctx) {
        Visibility visibility = readerVisibility(ctx);
        Map<String, List<String>> params = QueryParams.of(ctx, ListRequestParser.PARAMETERS);
        ListRequest request = ListRequestParser.parse(params);
        Page page = storage.cdrs().list(request.query(), visibility);
        PageLinks.Links links = new PageLinks(baseUrl.of(ctx) + LIST_PATH).of(params, request.query(), page);
        JsonOutput.write(ctx, 200, out -> ListEnvelope.write(out, request.query(), page, request.fields(), links));
    }

    private Visibility readerVisibility(Context ctx) {
        Caller caller = auth.authenticate(ctx);
        caller.requireAnyScope(Scopes.APP_READ, Scopes.APP_MANAGE);
        return caller.readVisibility(storage.partners());
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
