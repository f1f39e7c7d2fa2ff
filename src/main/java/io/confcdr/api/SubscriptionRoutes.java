package io.confcdr.api;

import io.confcdr.admin.Change;
import io.confcdr.auth.Caller;
import io.confcdr.model.Timestamps;
import io.confcdr.query.DeliveryCursor;
import io.confcdr.query.DeliveryLogQuery;
import io.confcdr.query.DeliveryLogRequestParser;
import io.confcdr.query.Parameters;
import io.confcdr.store.DeliveryAttempt;
import io.confcdr.push.DeliveryLog;
import io.confcdr.push.NewSubscription;
import io.confcdr.push.Replay;
import io.confcdr.push.SubscriptionPatch;
import io.confcdr.push.SubscriptionView;
import io.confcdr.push.Subscriptions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Push subscriptions over {@link Subscriptions}, all needing {@code app.manage}: create, list, get, PATCH,
 * DELETE, rotate the secret, the delivery log and replay.
 *
 * <pre>
 * curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
 *      -d '{"url":"https://example.com/cdrs","filter":"direction eq inbound","max_batch":500}' \
 *      http://localhost:8080/core/v2/app/conference/subscriptions
 * </pre>
 */
final class SubscriptionRoutes implements Routes {

    static final String LIST_PATH = "/core/v2/app/conference/subscriptions";
    static final String ITEM_PATH = LIST_PATH + "/{subscription_sid}";

    private final Subscriptions subscriptions;
    private final RequestAuth auth;
    private final BaseUrl baseUrl;

    SubscriptionRoutes(Subscriptions subscriptions, RequestAuth auth, BaseUrl baseUrl) {
        this.subscriptions = subscriptions;
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
        routes.post(ITEM_PATH + "/secret", this::rotate);
        routes.get(ITEM_PATH + "/deliveries", this::deliveries);
        routes.post(ITEM_PATH + "/replay", this::replay);
    }

    private void create(Context ctx) {
        Caller caller = manager(ctx);
        JsonNode body = AdminRequests.objectBody(ctx);
        var command = new NewSubscription(AdminRequests.text(body, "url"), AdminRequests.text(body, "filter"),
                AdminRequests.text(body, "include_fields"), AdminRequests.text(body, "exclude_fields"),
                maxBatch(body), AdminRequests.text(body, "start"));
        SubscriptionView created = Refusals.valueOf(subscriptions.create(caller, command));
        JsonOutput.write(ctx, 201, out -> SubscriptionJson.write(out, created));
    }

    private void list(Context ctx) {
        AdminList.write(ctx, baseUrl.of(ctx) + LIST_PATH, subscriptions.list(manager(ctx)), SubscriptionJson::write);
    }

    private void get(Context ctx) {
        SubscriptionView view = Refusals.valueOf(subscriptions.get(manager(ctx), sid(ctx)));
        JsonOutput.write(ctx, 200, out -> SubscriptionJson.write(out, view));
    }

    private void update(Context ctx) {
        Caller caller = manager(ctx);
        JsonNode body = AdminRequests.objectBody(ctx);
        var patch = new SubscriptionPatch(text(body, "url"), text(body, "filter"), text(body, "include_fields"),
                text(body, "exclude_fields"),
                body.has("max_batch") ? Change.to(maxBatch(body)) : Change.keep(), text(body, "status"));
        SubscriptionView view = Refusals.valueOf(subscriptions.update(caller, sid(ctx), patch));
        JsonOutput.write(ctx, 200, out -> SubscriptionJson.write(out, view));
    }

    private void delete(Context ctx) {
        Refusals.valueOf(subscriptions.delete(manager(ctx), sid(ctx)));
        ctx.status(204);
    }

    private void rotate(Context ctx) {
        SubscriptionView view = Refusals.valueOf(subscriptions.rotateSecret(manager(ctx), sid(ctx)));
        JsonOutput.write(ctx, 200, out -> SubscriptionJson.write(out, view));
    }

    private void deliveries(Context ctx) {
        Caller caller = manager(ctx);
        String sid = sid(ctx);
        Map<String, List<String>> params = QueryParams.of(ctx, DeliveryLogRequestParser.PARAMETERS);
        DeliveryLogQuery query = DeliveryLogRequestParser.parse(params);
        DeliveryLog.Page page = Refusals.valueOf(subscriptions.deliveries(caller, sid, query));
        String url = baseUrl.of(ctx) + LIST_PATH + "/" + PageLinks.encode(sid) + "/deliveries";
        String next = page.hasNext() && !page.items().isEmpty() ? deliveriesLink(url, params, query, "after", page.items().getLast()) : null;
        String previous = page.hasPrevious() && !page.items().isEmpty() ? deliveriesLink(url, params, query, "before", page.items().getFirst()) : null;
        JsonOutput.write(ctx, 200, out -> {
            out.writeStartObject();
            out.writeNumberProperty("count", page.items().size());
            out.writeBooleanProperty("has_more", page.hasNext());
            out.writeArrayPropertyStart("items");
            page.items().forEach(attempt -> SubscriptionJson.write(out, attempt));
            out.writeEndArray();
            out.writeNumberProperty("limit", query.limit());
            out.writeNumberProperty("offset", query.offset());
            out.writeObjectPropertyStart("pagination");
            if (next != null) {
                out.writeStringProperty("next", next);
            }
            if (previous != null) {
                out.writeStringProperty("previous", previous);
            }
            out.writeEndObject();
            out.writeNumberProperty("total", page.total());
            out.writeEndObject();
        });
    }

    /** The same listing continued by keyset from {@code attempt}: filter and order carried, the limit stated. */
    private static String deliveriesLink(String url, Map<String, List<String>> params, DeliveryLogQuery query, String direction,
            DeliveryAttempt attempt) {
        List<String> pairs = new ArrayList<>();
        for (String name : List.of("filter", "order")) {
            String value = Parameters.single(params, name);
            if (value != null) {
                pairs.add(name + "=" + PageLinks.encode(value));
            }
        }
        pairs.add("limit=" + query.limit());
        pairs.add(direction + "=" + PageLinks.encode(DeliveryCursor.of(attempt.deliverySid(), attempt.attempt())));
        return url + "?" + String.join("&", pairs);
    }

    private void replay(Context ctx) {
        Caller caller = manager(ctx);
        JsonNode body = AdminRequests.objectBody(ctx);
        var replay = new Replay(AdminRequests.text(body, "after"), date(body, "date_insert_from"));
        SubscriptionView view = Refusals.valueOf(subscriptions.replay(caller, sid(ctx), replay));
        JsonOutput.write(ctx, 202, out -> SubscriptionJson.write(out, view));
    }

    private Caller manager(Context ctx) {
        Caller caller = auth.authenticate(ctx);
        subscriptions.requireMayManage(caller);
        return caller;
    }

    private static String sid(Context ctx) {
        return ctx.pathParam("subscription_sid");
    }

    private static Change<String> text(JsonNode body, String property) {
        return body.has(property) ? Change.to(AdminRequests.text(body, property)) : Change.keep();
    }

    /** {@code max_batch}: absent or null for the default; otherwise a whole number (the use case checks the range). */
    private static Integer maxBatch(JsonNode body) {
        JsonNode node = body.get("max_batch");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw AdminRequests.invalid("max_batch", "must be a whole number from 1 to " + Subscriptions.MAX_BATCH);
        }
        return node.intValue();
    }

    private static Instant date(JsonNode body, String property) {
        String text = AdminRequests.text(body, property);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.truncate(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw AdminRequests.invalid(property, "must be a date such as 2024-12-14T10:00:00.000Z");
        }
    }
}
