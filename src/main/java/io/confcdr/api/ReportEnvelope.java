package io.confcdr.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;

/**
 * A page of computed report items in the CarrierX envelope ({@code count, has_more, items, limit, offset,
 * pagination, total}), paged by offset; the links repeat the report's own parameters so that following
 * them gives the next page of the same report.
 */
final class ReportEnvelope {

    private final String url;
    private final Map<String, List<String>> params;
    private final List<String> carried;

    ReportEnvelope(String url, Map<String, List<String>> params, List<String> carried) {
        this.url = url;
        this.params = params;
        this.carried = carried;
    }

    <T> void write(JsonGenerator out, List<T> all, int limit, int offset, BiConsumer<JsonGenerator, T> item) {
        List<T> page = all.subList(Math.min(offset, all.size()), (int) Math.min((long) offset + limit, all.size()));
        boolean hasNext = (long) offset + page.size() < all.size();
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
            out.writeStringProperty("next", link(limit, offset + limit));
        }
        if (offset > 0 && !all.isEmpty()) {
            out.writeStringProperty("previous", link(limit, Math.max(0, Math.min(offset, all.size()) - limit)));
        }
        out.writeEndObject();
        out.writeNumberProperty("total", all.size());
        out.writeEndObject();
    }

    private String link(int limit, int offset) {
        List<String> pairs = new ArrayList<>();
        for (String name : carried) {
            List<String> values = params.get(name);
            if (values != null && !values.isEmpty() && !values.getFirst().isEmpty()) {
                pairs.add(name + "=" + PageLinks.encode(values.getFirst()));
            }
        }
        pairs.add("limit=" + limit);
        pairs.add("offset=" + offset);
        return url + "?" + String.join("&", pairs);
    }
}
