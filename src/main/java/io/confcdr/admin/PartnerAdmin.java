package io.confcdr.admin;

import io.confcdr.admin.AdminResult.Conflict;
import io.confcdr.admin.AdminResult.Invalid;
import io.confcdr.admin.AdminResult.NotFound;
import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.model.Partner;
import io.confcdr.model.Timestamps;
import io.confcdr.store.PartnerStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Creating, reading, changing and deleting partners, for a token with {@code partners.manage} within its own
 * subtree, or for the operator anywhere. Whatever lies outside the caller's subtree answers as if it did not
 * exist. A token's own partner can be renamed but never moved, suspended or deleted through that token, so
 * a token can never lift itself out of the tree it was given. Deleting is for leaves without records, and
 * revokes the partner's tokens with it.
 */
public final class PartnerAdmin {

    private static final String PARTNER_SID = "partner_sid";
    private static final String PARENT_SID = "parent_sid";
    private static final String CDR_RETENTION_DAYS = "cdr_retention_days";

    private final PartnerStore partners;
    private final Clock clock;

    public PartnerAdmin(PartnerStore partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    /**
     * Whether {@code caller} may use this at all, decided before its command is read.
     *
     * @throws io.confcdr.auth.ForbiddenException without {@code partners.manage}
     */
    public void requireMayManage(Caller caller) {
        caller.requireAnyScope(Scopes.PARTNERS_MANAGE);
    }

    public AdminResult<Partner> create(Caller caller, NewPartner command) {
        requireMayManage(caller);
        String parent = command.parentSid() != null ? command.parentSid() : defaultParent(caller);
        if (parent != null && !caller.manages(parent, partners)) {
            return new Invalid<>(PARENT_SID, "no such partner");
        }
        String sid = command.sid();
        if (sid == null) {
            sid = UUID.randomUUID().toString();
        } else if (!(caller instanceof Caller.Operator)) {
            return new Invalid<>(PARTNER_SID, "is chosen by confcdr");
        } else if (PartnerRules.sidProblem(sid) != null) {
            return new Invalid<>(PARTNER_SID, PartnerRules.sidProblem(sid));
        }
        Optional<Invalid<Partner>> invalid = checkAttributes(command.name(), command.status(), command.callbacks(),
                command.cdrRetentionDays());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        var partner = new Partner(sid, command.name(), parent, command.status() == null ? Partner.ACTIVE : command.status(),
                Timestamps.truncate(clock.instant()), command.callbacks(), command.cdrRetentionDays());
        return switch (partners.create(partner)) {
            case PartnerStore.Creation.Created created -> AdminResult.done(created.partner());
            case PartnerStore.Creation.SidTaken taken -> new Conflict<>(PARTNER_SID, "partner " + sid + " already exists");
            // The parent was deleted between the check above and the insert.
            case PartnerStore.Creation.ParentMissing missing -> new Invalid<>(PARENT_SID, "no such partner");
        };
    }

    /** What {@link #ensure} found or did. */
    public record Ensured(Partner partner, boolean created) {
    }

    /**
     * Creates the partner unless it exists already under the same parent (importing a tree twice is
     * harmless); existing under another parent is a conflict.
     */
    public AdminResult<Ensured> ensure(Caller caller, NewPartner command) {
        requireMayManage(caller);
        Optional<Partner> existing = command.sid() == null ? Optional.empty() : partners.find(command.sid())
                .filter(found -> caller.manages(found.sid(), partners));
        if (existing.isPresent()) {
            return Objects.equals(existing.get().parentSid(), command.parentSid())
                    ? AdminResult.done(new Ensured(existing.get(), false))
                    : new Conflict<>(PARENT_SID, "partner " + command.sid() + " exists with another parent");
        }
        return switch (create(caller, command)) {
            case AdminResult.Done<Partner> done -> AdminResult.done(new Ensured(done.value(), true));
            case AdminResult.Refusal<Partner> refused -> retyped(refused);
        };
    }

    /** The caller's own partner and its descendants (every partner, for the operator), ordered by sid. */
    public List<Partner> list(Caller caller) {
        requireMayManage(caller);
        return switch (caller) {
            case Caller.Bearer bearer -> partners.listSubtree(bearer.partnerSid());
            case Caller.Operator operator -> partners.allSids().stream().map(partners::find).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(Partner::sid)).toList();
        };
    }

    public AdminResult<Partner> get(Caller caller, String sid) {
        requireMayManage(caller);
        return managed(caller, sid).<AdminResult<Partner>>map(AdminResult::done).orElseGet(() -> new NotFound<>(PARTNER_SID));
    }

    public AdminResult<Partner> update(Caller caller, String sid, PartnerPatch patch) {
        requireMayManage(caller);
        Partner existing = managed(caller, sid).orElse(null);
        if (existing == null) {
            return new NotFound<>(PARTNER_SID);
        }
        boolean own = isOwn(caller, existing);
        String parent = existing.parentSid();
        if (patch.parentSid().given()) {
            String wanted = patch.parentSid().value();
            if (own) {
                if (!Objects.equals(wanted, parent)) {
                    return new Invalid<>(PARENT_SID, "a partner cannot move itself");
                }
            } else if (wanted == null ? caller instanceof Caller.Bearer : !caller.manages(wanted, partners)) {
                return new Invalid<>(PARENT_SID, "no such partner");
            } else {
                parent = wanted;
            }
        }
        String name = patch.name().orElse(existing.name());
        String status = patch.status().value() == null ? existing.status() : patch.status().value();
        Map<String, String> callbacks = patch.callbacks().given()
                ? (patch.callbacks().value() == null ? Map.of() : patch.callbacks().value())
                : existing.callbacks();
        Integer retention = patch.cdrRetentionDays().orElse(existing.cdrRetentionDays());
        Optional<Invalid<Partner>> invalid = checkAttributes(name, status, callbacks, retention);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (own && !status.equals(existing.status())) {
            return new Invalid<>("status", "a partner cannot change its own status");
        }
        var changed = new Partner(existing.sid(), name, parent, status, existing.dateCreated(), callbacks, retention);
        return switch (partners.update(changed)) {
            case PartnerStore.Update.Updated updated -> AdminResult.done(updated.partner());
            case PartnerStore.Update.NotFound notFound -> new NotFound<>(PARTNER_SID);
            case PartnerStore.Update.ParentMissing missing -> new Invalid<>(PARENT_SID, "no such partner");
            case PartnerStore.Update.WouldCycle cycle ->
                    new Invalid<>(PARENT_SID, "a partner cannot move under itself or its own descendant");
        };
    }

    /**
     * Deletes a leaf partner without records and revokes its tokens. A partner with children or records is a
     * conflict: records are kept for their retention period, never orphaned by an admin action.
     */
    public AdminResult<Partner> delete(Caller caller, String sid) {
        requireMayManage(caller);
        Partner partner = managed(caller, sid).orElse(null);
        if (partner == null) {
            return new NotFound<>(PARTNER_SID);
        }
        if (isOwn(caller, partner)) {
            return new Conflict<>(PARTNER_SID, "a partner cannot delete itself");
        }
        return switch (partners.delete(partner.sid(), Timestamps.truncate(clock.instant()))) {
            case DELETED -> AdminResult.done(partner);
            case NOT_FOUND -> new NotFound<>(PARTNER_SID);
            case HAS_CHILDREN -> new Conflict<>(PARTNER_SID, "the partner has sub-partners");
            case HAS_RECORDS -> new Conflict<>(PARTNER_SID, "the partner has call records");
        };
    }

    private Optional<Partner> managed(Caller caller, String sid) {
        return caller.manages(sid, partners) ? partners.find(sid) : Optional.empty();
    }

    private static String defaultParent(Caller caller) {
        return switch (caller) {
            case Caller.Bearer bearer -> bearer.partnerSid();
            case Caller.Operator operator -> null;
        };
    }

    private static boolean isOwn(Caller caller, Partner partner) {
        return caller instanceof Caller.Bearer bearer && bearer.partnerSid().equals(partner.sid());
    }

    private static Optional<Invalid<Partner>> checkAttributes(String name, String status, Map<String, String> callbacks,
            Integer retentionDays) {
        String problem = PartnerRules.nameProblem(name);
        if (problem != null) {
            return Optional.of(new Invalid<>("name", problem));
        }
        if (status != null && PartnerRules.statusProblem(status) != null) {
            return Optional.of(new Invalid<>("status", PartnerRules.statusProblem(status)));
        }
        problem = callbacks == null ? null : PartnerRules.callbacksProblem(callbacks);
        if (problem != null) {
            return Optional.of(new Invalid<>("callbacks", problem));
        }
        problem = PartnerRules.retentionProblem(retentionDays);
        return problem == null ? Optional.empty() : Optional.of(new Invalid<>(CDR_RETENTION_DAYS, problem));
    }

    private static <T> AdminResult<T> retyped(AdminResult.Refusal<?> refused) {
        return switch (refused) {
            case Invalid<?> invalid -> new Invalid<>(invalid.field(), invalid.message());
            case NotFound<?> notFound -> new NotFound<>(notFound.field());
            case Conflict<?> conflict -> new Conflict<>(conflict.field(), conflict.message());
            case AdminResult.Forbidden<?> forbidden -> new AdminResult.Forbidden<>(forbidden.message());
        };
    }
}
