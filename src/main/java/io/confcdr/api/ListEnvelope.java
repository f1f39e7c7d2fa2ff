package io.confcdr.api;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrJson;
import io.confcdr.model.FieldSelection;
import io.confcdr.query.CdrQuery;
import io.confcdr.store.Page;
import tools.jackson.core.JsonGenerator;

/**
 * The list response, CarrierX's envelope with keys in alphabetical order:
 * {@code {"count", "has_more", "items", "limit", "offset", "pagination", "total"}}. Records are
 * streamed one by one through {@link CdrJson}.
 */
final class ListEnvelope {

    private ListEnvelope() {
    }

    static void write(JsonGenerator out, CdrQuery query, Page page, FieldSelection fields, PageLinks.Links links) {
        out.writeStartObject();
        out.writeNumberProperty("count", page.items().size());
        out.writeBooleanProperty("has_more", hasMore(query, page));
        out.writeArrayPropertyStart("items");
        for (Cdr cdr : page.items()) {
            CdrJson.write(out, cdr, fields);
        }
        out.writeEndArray();
        out.writeNumberProperty("limit", query.limit());
        out.writeNumberProperty("offset", query.offset());
        out.writeObjectPropertyStart("pagination");
        if (links.next() != null) {
            out.writeStringProperty("next", links.next());
        }
        if (links.previous() != null) {
            out.writeStringProperty("previous", links.previous());
        }
        out.writeEndObject();
        out.writeName("total");
        if (page.total() == null) {
            out.writeNull();
        } else {
            out.writeNumber(page.total());
        }
        out.writeEndObject();
    }

    /** More records in the direction the client is paging: backwards for a {@code before=} page. */
    static boolean hasMore(CdrQuery query, Page page) {
        return query.cursor() != null && query.cursor().before() ? page.hasPrevious() : page.hasNext();
    }
}
