package io.confcdr.api;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Partner;
import io.confcdr.model.Timestamps;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.PartnerStore;
import io.confcdr.store.Storage;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code /core/v2/partners[/{partner_sid}]}: a partner with {@code partners.manage} creates, reads,
 * changes and deletes partners in its own subtree. Anything outside it answers as if it did not exist.
 * The caller's own partner can be renamed but never moved or deleted through its own token, so a
 * token can never lift itself out of the tree it was given.
 *
 * <pre>
 * curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
 *      -d '{"name":"Acme Paris","parent_sid":"…"}' http://localhost:8080/core/v2/partners
 * </pre>
 */
final class PartnerRoutes {

    static final String LIST_PATH = "/core/v2/partners";
    static final String ITEM_PATH = LIST_PATH + "/{partner_sid}";
    private static final Set<String> STATUSES = Set.of(Partner.ACTIVE, Partner.SUSPENDED);
    private static final int MAX_TEXT = 256;

    private final Storage storage;
    private final RequestAuth auth;
    private final BaseUrl baseUrl;
    private final Clock clock;

    PartnerRoutes(Storage storage, RequestAuth auth, BaseUrl baseUrl, Clock clock) {
        this.storage = storage;
        this.auth = auth;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    void create(Context ctx) {
        Caller caller = manager(ctx);
        JsonNode body = AdminRequests.objectBody(ctx);
        String parent = AdminRequests.text(body, "parent_sid");
        parent = parent == null ? caller.partnerSid() : parent;
        if (!caller.manages(parent, partners())) {
            throw AdminRequests.invalid("parent_sid", "no such partner");
        }
        String name = requiredName(body);
        var partner = new Partner(UUID.randomUUID().toString(), name, parent, status(body, Partner.ACTIVE),
                Timestamps.truncate(clock.instant()), callbacks(body, Map.of()));
        try {
            partners().create(partner);
        } catch (IllegalArgumentException e) {
            // The parent was deleted between the check above and the insert.
            throw AdminRequests.invalid("parent_sid", "no such partner");
        }
        JsonOutput.write(ctx, 200, out -> PartnerJson.write(out, partner));
    }

    void list(Context ctx) {
        Caller caller = manager(ctx);
        AdminList.write(ctx, baseUrl.of(ctx) + LIST_PATH, partners().listSubtree(caller.partnerSid()), PartnerJson::write);
    }

    void get(Context ctx) {
        Partner partner = managedPartner(ctx, manager(ctx));
        JsonOutput.write(ctx, 200, out -> PartnerJson.write(out, partner));
    }

    void update(Context ctx) {
        Caller caller = manager(ctx);
        Partner existing = managedPartner(ctx, caller);
        JsonNode body = AdminRequests.objectBody(ctx);
        String parent = existing.parentSid();
        if (body.has("parent_sid")) {
            String wanted = AdminRequests.text(body, "parent_sid");
            if (existing.sid().equals(caller.partnerSid())) {
                if (!Objects.equals(wanted, parent)) {
                    throw AdminRequests.invalid("parent_sid", "a partner cannot move itself");
                }
            } else {
                if (!caller.manages(wanted, partners())) {
                    throw AdminRequests.invalid("parent_sid", "no such partner");
                }
                parent = wanted;
            }
        }
        String name = body.has("name") ? requiredName(body) : existing.name();
        String status = status(body, existing.status());
        if (existing.sid().equals(caller.partnerSid()) && !status.equals(existing.status())) {
            throw AdminRequests.invalid("status", "a partner cannot change its own status");
        }
        var changed = new Partner(existing.sid(), name, parent, status, existing.dateCreated(),
                callbacks(body, existing.callbacks()));
        try {
            if (!partners().update(changed)) {
                throw AdminRequests.notFound("partner_sid");
            }
        } catch (IllegalArgumentException e) {
            throw AdminRequests.invalid("parent_sid", "a partner cannot move under itself or its own descendant");
        }
        JsonOutput.write(ctx, 200, out -> PartnerJson.write(out, changed));
    }

    /**
     * Deletes a leaf partner without records and revokes its tokens. A partner with children or CDRs
     * answers 409: CDRs are kept for their retention period, never orphaned by an admin action.
     */
    void delete(Context ctx) {
        Caller caller = manager(ctx);
        Partner partner = managedPartner(ctx, caller);
        if (partner.sid().equals(caller.partnerSid())) {
            throw AdminRequests.conflict("partner_sid", "a partner cannot delete itself");
        }
        if (!storage.cdrs().list(CdrQuery.firstPage(new Filter(java.util.List.of()), Order.INSERTION, 1), Visibility.of(partner.sid()))
                .items().isEmpty()) {
            throw AdminRequests.conflict("partner_sid", "the partner has call records");
        }
        switch (partners().delete(partner.sid())) {
            case NOT_FOUND -> throw AdminRequests.notFound("partner_sid");
            case HAS_CHILDREN -> throw AdminRequests.conflict("partner_sid", "the partner has sub-partners");
            case DELETED -> {
                for (ApiToken token : storage.tokens().listForPartner(partner.sid())) {
                    storage.tokens().revoke(token.id(), Timestamps.truncate(clock.instant()));
                }
            }
        }
        ctx.status(204);
    }

    private Caller manager(Context ctx) {
        Caller caller = auth.authenticate(ctx);
        caller.requireAnyScope(Scopes.PARTNERS_MANAGE);
        return caller;
    }

    /** The partner named in the path, if the caller manages it; otherwise the same 404 as a partner that does not exist. */
    private Partner managedPartner(Context ctx, Caller caller) {
        String sid = ctx.pathParam("partner_sid");
        if (!caller.manages(sid, partners())) {
            throw AdminRequests.notFound("partner_sid");
        }
        return partners().find(sid).orElseThrow(() -> AdminRequests.notFound("partner_sid"));
    }

    private PartnerStore partners() {
        return storage.partners();
    }

    private static String requiredName(JsonNode body) {
        String name = AdminRequests.text(body, "name");
        if (name == null || name.isBlank() || name.length() > Partner.MAX_NAME_LENGTH) {
            throw AdminRequests.invalid("name", "must be a non-empty string of at most " + Partner.MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    private static String status(JsonNode body, String fallback) {
        String status = AdminRequests.text(body, "status");
        if (status == null) {
            return fallback;
        }
        if (!STATUSES.contains(status)) {
            throw AdminRequests.invalid("status", "must be one of active, suspended");
        }
        return status;
    }

    /**
     * A callback is a URL confcdr will one day call: absolute, http or https, with a host. Anything else
     * (ftp:, javascript:, a relative path) is refused now rather than found unusable when it is called.
     */
    private static String httpUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw AdminRequests.invalid("callbacks", "every callback must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw AdminRequests.invalid("callbacks", "every callback must be an absolute http or https URL");
        }
        return url;
    }

    private static Map<String, String> callbacks(JsonNode body, Map<String, String> fallback) {
        JsonNode node = body.get("callbacks");
        if (node == null) {
            return fallback;
        }
        if (node.isNull()) {
            return Map.of();
        }
        if (!node.isObject() || node.size() > 32) {
            throw AdminRequests.invalid("callbacks", "must be an object of at most 32 callback URLs");
        }
        Map<String, String> callbacks = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            JsonNode url = entry.getValue();
            if (!url.isString() || url.stringValue().length() > 2048 || entry.getKey().length() > MAX_TEXT) {
                throw AdminRequests.invalid("callbacks", "every callback must be a URL string of at most 2048 characters");
            }
            callbacks.put(AdminRequests.storable("callbacks", entry.getKey()),
                    httpUrl(AdminRequests.storable("callbacks", url.stringValue())));
        }
        return callbacks;
    }
}
