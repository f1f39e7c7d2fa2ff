package io.confcdr.api;

import io.confcdr.ingest.SourceSequences;
import io.confcdr.model.SequenceRange;
import io.confcdr.model.Timestamps;
import io.confcdr.store.SourceStore;
import io.confcdr.store.SourceStore.SourceState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.core.JsonGenerator;

/**
 * {@code GET /ingest/v1/sources}: for each source the caller may see, which sequence numbers it has sent and
 * which it has not, so a bridge that lost a batch knows exactly what to send again.
 */
final class SourceRoutes implements Routes {

    static final String PATH = "/ingest/v1/sources";

    private final SourceSequences sources;
    private final RequestAuth auth;
    private final BaseUrl baseUrl;

    SourceRoutes(SourceSequences sources, RequestAuth auth, BaseUrl baseUrl) {
        this.sources = sources;
        this.auth = auth;
        this.baseUrl = baseUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
    }

    void list(Context ctx) {
        var caller = auth.authenticate(ctx);
        AdminList.write(ctx, baseUrl.of(ctx) + PATH, sources.list(caller), SourceRoutes::write);
    }

    private static void write(JsonGenerator out, SourceState state) {
        out.writeStartObject();
        out.writeStringProperty("date_last_seen", Timestamps.format(state.dateLastSeen()));
        out.writeNumberProperty("highest_sequence", state.received().highest());
        out.writeArrayPropertyStart("missing");
        for (SequenceRange gap : state.received().missing()) {
            out.writeStartArray();
            out.writeNumber(gap.first());
            out.writeNumber(gap.last());
            out.writeEndArray();
        }
        out.writeEndArray();
        String owner = state.source().owner();
        out.writeStringProperty("partner_sid", owner.equals(SourceStore.OPERATOR) ? null : owner);
        out.writeNumberProperty("records", state.received().count());
        out.writeStringProperty("source", state.source().name());
        out.writeEndObject();
    }
}
