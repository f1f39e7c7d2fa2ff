package io.confcdr.api;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrJson;
import io.confcdr.model.FieldSelection;
import io.confcdr.query.ListRequest;
import io.confcdr.query.ListRequestParser;
import io.confcdr.query.Parameters;
import io.confcdr.read.CdrReads;
import io.confcdr.store.Page;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /core/v2/app/conference/calls} and {@code GET /core/v2/app/conference/calls/{call_sid}}, as
 * CarrierX answers them; who sees what is {@link CdrReads}'s.
 */
final class CdrReadRoutes implements Routes {

    static final String LIST_PATH = "/core/v2/app/conference/calls";
    static final String RECORD_PATH = LIST_PATH + "/{call_sid}";

    private final CdrReads reads;
    private final RequestAuth auth;
    private final BaseUrl baseUrl;
    private final PageAdmission admission = new PageAdmission();

    CdrReadRoutes(CdrReads reads, RequestAuth auth, BaseUrl baseUrl) {
        this.reads = reads;
        this.auth = auth;
        this.baseUrl = baseUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(LIST_PATH, this::listRecords);
        routes.get(RECORD_PATH, this::getRecord);
    }

    void getRecord(Context ctx) {
        CdrReads.Reader reader = reads.readerFor(auth.authenticate(ctx));
        Map<String, List<String>> params = QueryParams.of(ctx, Set.of("include_fields", "exclude_fields"));
        FieldSelection fields = ListRequestParser.fieldSelection(
                Parameters.single(params, "include_fields"), Parameters.single(params, "exclude_fields"));
        Cdr cdr = reader.find(ctx.pathParam("call_sid")).orElseThrow(ApiError::recordNotFound);
        JsonOutput.write(ctx, 200, out -> CdrJson.write(out, cdr, fields));
    }

    void listRecords(Context ctx) {
        CdrReads.Reader reader = reads.readerFor(auth.authenticate(ctx));
        Map<String, List<String>> params = QueryParams.of(ctx, ListRequestParser.PARAMETERS);
        ListRequest request = ListRequestParser.parse(params);
        // The page is read and serialised under the admission, and sent after it: a client that reads slowly
        // holds neither a database connection nor one of the few pages that may be read at once.
        byte[][] body = new byte[1][];
        admission.run(() -> {
            Page page = reader.list(request.query());
            PageLinks.Links links = new PageLinks(baseUrl.of(ctx) + LIST_PATH).of(params, request.query(), page);
            body[0] = JsonOutput.bytes(out -> ListEnvelope.write(out, request.query(), page, request.fields(), links));
        });
        ctx.status(200).contentType(JsonOutput.JSON).result(body[0]);
    }
}
