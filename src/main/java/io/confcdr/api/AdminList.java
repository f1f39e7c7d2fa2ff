package io.confcdr.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;

/**
 * A page of admin objects (partners, tokens) in the same envelope as CDR lists:
 * {@code count, has_more, items, limit, offset, pagination, total}, paged by offset and limit only.
 */
final class AdminList {

    private AdminList() {
    }

    static <T> void write(Context ctx, String url, List<T> all, BiConsumer<JsonGenerator, T> item) {
        int offset = AdminRequests.offset(ctx);
        int limit = AdminRequests.limit(ctx);
        List<T> page = all.subList(Math.min(offset, all.size()), (int) Math.min((long) offset + limit, all.size()));
        boolean hasNext = (long) offset + page.size() < all.size();
        JsonOutput.write(ctx, 200, out -> {
            out.writeStartObject();
            out.writeNumberProperty("count", page.size());
            out.writeBooleanProperty("has_more", hasNext);
            out.writeArrayPropertyStart("items");
            page.forEach(element -> item.accept(out, element));
            out.writeEndArray();
            out.writeNumberProperty("limit", limit);
            out.writeNumberProperty("offset", offset);
            out.writeObjectPropertyStart("pagination");
            if (hasNext) {
                out.writeStringProperty("next", url + "?limit=" + limit + "&offset=" + (offset + limit));
            }
            if (offset > 0 && !all.isEmpty()) {
                out.writeStringProperty("previous", url + "?limit=" + limit + "&offset=" + Math.max(0, offset - limit));
            }
            out.writeEndObject();
            out.writeNumberProperty("total", all.size());
            out.writeEndObject();
        });
    }
}
