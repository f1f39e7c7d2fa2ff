package io.confcdr.push;

import io.confcdr.admin.AdminResult;
import io.confcdr.admin.AdminResult.Forbidden;
import io.confcdr.admin.AdminResult.Invalid;
import io.confcdr.admin.AdminResult.NotFound;
import io.confcdr.admin.Change;
import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.model.StorableText;
import io.confcdr.model.Timestamps;
import io.confcdr.query.FilterParser;
import io.confcdr.query.ListRequestParser;
import io.confcdr.store.Backlog;
import io.confcdr.store.PartnerStore;
import io.confcdr.store.PushStore;
import io.confcdr.store.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Managing push subscriptions, for a token with {@code app.manage}. A subscription belongs to the token's
 * partner and receives what that token could read (its partner, or the subtree with
 * {@code app.read_descendant}). Subscriptions of partners outside the caller's subtree answer as missing.
 */
public final class Subscriptions {

    public static final int DEFAULT_MAX_BATCH = 100;
    public static final int MAX_BATCH = 1000;
    /** How long a rotated-out secret keeps signing, so receivers can switch without losing a delivery. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private final PushStore store;
    private final PartnerStore partners;
    private final Clock clock;
    private volatile boolean allowPrivateUrls;
    private final Runnable wake;

    /** @param wake told after every change of a subscription (the worker stops using the row it read) */
    public Subscriptions(PushStore store, PartnerStore partners, Clock clock, boolean allowPrivateUrls, Runnable wake) {
        this.store = store;
        this.partners = partners;
        this.clock = clock;
        this.allowPrivateUrls = allowPrivateUrls;
        this.wake = wake;
    }

    /** Whether webhook URLs may resolve to private addresses ({@code serve --allow-private-webhooks}). */
    public void allowPrivateUrls(boolean allow) {
        this.allowPrivateUrls = allow;
    }

    /** @throws io.confcdr.auth.ForbiddenException without {@code app.manage}, before any body is read */
    public void requireMayManage(Caller caller) {
        caller.requireAnyScope(Scopes.APP_MANAGE);
    }

    /**
     * @throws io.confcdr.query.QueryException when the filter or a field list does not parse (the list route's messages)
     */
    public AdminResult<SubscriptionView> create(Caller caller, NewSubscription command) {
        requireMayManage(caller);
        if (!(caller instanceof Caller.Bearer bearer)) {
            return new Forbidden<>("a subscription belongs to a token's partner; create it with a token");
        }
        Optional<AdminResult<SubscriptionView>> refused = checkSettings(command.url(), command.filter(),
                command.includeFields(), command.excludeFields(), command.maxBatch());
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean descendants = bearer.hasScope(Scopes.APP_READ_DESCENDANT);
        long position;
        String start = command.start() == null ? "now" : command.start();
        switch (start) {
            case "now" -> position = store.lastSeq();
            case "beginning" -> position = 0;
            default -> {
                OptionalLong seq = store.seqOf(start, visibility(bearer.partnerSid(), descendants));
                if (seq.isEmpty()) {
                    return new Invalid<>("start", "must be now, beginning or the call_sid of a record this token can read");
                }
                position = seq.getAsLong();
            }
        }
        String secret = WebhookSecrets.generate();
        var subscription = new Subscription(UUID.randomUUID().toString(), bearer.partnerSid(), descendants,
                command.url(), blankToNull(command.filter()), blankToNull(command.includeFields()),
                blankToNull(command.excludeFields()), command.maxBatch() == null ? DEFAULT_MAX_BATCH : command.maxBatch(),
                Subscription.ACTIVE, secret, null, null, Timestamps.truncate(clock.instant()), position, null);
        store.create(subscription);
        wake.run();
        return AdminResult.done(view(subscription, secret));
    }

    public List<SubscriptionView> list(Caller caller) {
        requireMayManage(caller);
        Set<String> managed = managedPartners(caller);
        return store.list().stream().filter(s -> managed.contains(s.partnerSid())).map(s -> view(s, null)).toList();
    }

    public AdminResult<SubscriptionView> get(Caller caller, String sid) {
        requireMayManage(caller);
        return managed(caller, sid).<AdminResult<SubscriptionView>>map(s -> AdminResult.done(view(s, null)))
                .orElseGet(() -> new NotFound<>("subscription_sid"));
    }

    /**
     * Changes settings. Any change drops the delivery in flight: the records after the position are sent again
     * as a new delivery under the new settings (nothing is lost, a receiver may see them twice). A
     * {@code failing} subscription set to {@code active} resumes this way.
     */
    public AdminResult<SubscriptionView> update(Caller caller, String sid, SubscriptionPatch patch) {
        requireMayManage(caller);
        Optional<Subscription> found = managed(caller, sid);
        if (found.isEmpty()) {
            return new NotFound<>("subscription_sid");
        }
        Subscription s = found.get();
        String url = pick(patch.url(), s.url());
        String filter = blankToNull(pick(patch.filter(), s.filter()));
        String include = blankToNull(pick(patch.includeFields(), s.includeFields()));
        String exclude = blankToNull(pick(patch.excludeFields(), s.excludeFields()));
        Integer maxBatch = patch.maxBatch().given() ? patch.maxBatch().value() : Integer.valueOf(s.maxBatch());
        if (patch.maxBatch().given() && maxBatch == null) {
            return new Invalid<>("max_batch", "must be a whole number from 1 to " + MAX_BATCH);
        }
        Optional<AdminResult<SubscriptionView>> refused = checkSettings(url, filter, include, exclude, maxBatch);
        if (refused.isPresent()) {
            return refused.get();
        }
        String status = pick(patch.status(), s.status());
        if (patch.status().given() && !(Subscription.ACTIVE.equals(status) || Subscription.PAUSED.equals(status))) {
            return new Invalid<>("status", "must be active or paused");
        }
        Subscription changed = s.withSettings(url, filter, include, exclude, maxBatch, status);
        if (!store.update(changed)) {
            return new NotFound<>("subscription_sid");
        }
        wake.run();
        return AdminResult.done(view(store.find(sid).orElse(changed), null));
    }

    public AdminResult<SubscriptionView> delete(Caller caller, String sid) {
        requireMayManage(caller);
        Optional<Subscription> found = managed(caller, sid);
        if (found.isEmpty() || !store.delete(sid)) {
            return new NotFound<>("subscription_sid");
        }
        wake.run();
        return AdminResult.done(new SubscriptionView(found.get(), io.confcdr.store.Backlog.NONE, null));
    }

    /** A new secret; the one it replaces keeps signing for {@link #ROTATION_OVERLAP} (a still older one stops). */
    public AdminResult<SubscriptionView> rotateSecret(Caller caller, String sid) {
        requireMayManage(caller);
        Optional<Subscription> found = managed(caller, sid);
        if (found.isEmpty()) {
            return new NotFound<>("subscription_sid");
        }
        Subscription s = found.get();
        String secret = WebhookSecrets.generate();
        Subscription rotated = s.withSecrets(secret, s.secret(), clock.instant().plus(ROTATION_OVERLAP));
        if (!store.update(rotated)) {
            return new NotFound<>("subscription_sid");
        }
        wake.run();
        return AdminResult.done(view(store.find(sid).orElse(rotated), secret));
    }

    /** Delivers everything from the replay point again, as new deliveries, in order. */
    public AdminResult<SubscriptionView> replay(Caller caller, String sid, Replay replay) {
        requireMayManage(caller);
        Optional<Subscription> found = managed(caller, sid);
        if (found.isEmpty()) {
            return new NotFound<>("subscription_sid");
        }
        Subscription s = found.get();
        long position;
        if ((replay.afterCallSid() == null) == (replay.dateInsertFrom() == null)) {
            return new Invalid<>("after", "give either after (a call_sid) or date_insert_from (a date)");
        } else if (replay.afterCallSid() != null) {
            OptionalLong seq = store.seqOf(replay.afterCallSid(), visibilityOf(s));
            if (seq.isEmpty()) {
                return new Invalid<>("after", "must be the call_sid of a record this subscription can receive");
            }
            position = seq.getAsLong();
        } else {
            OptionalLong first = store.firstSeqInsertedFrom(replay.dateInsertFrom());
            position = first.isPresent() ? first.getAsLong() - 1 : store.lastSeq();
        }
        if (!store.reposition(sid, position)) {
            return new NotFound<>("subscription_sid");
        }
        wake.run();
        return AdminResult.done(view(store.find(sid).orElse(s), null));
    }

    /**
     * A page of the delivery log (newest first unless ordered otherwise).
     *
     * @throws io.confcdr.query.QueryException when {@code after}/{@code before} names no entry of the log
     */
    public AdminResult<DeliveryLog.Page> deliveries(Caller caller, String sid, io.confcdr.query.DeliveryLogQuery query) {
        requireMayManage(caller);
        return managed(caller, sid).<AdminResult<DeliveryLog.Page>>map(s -> AdminResult.done(DeliveryLog.page(store.attempts(sid), query)))
                .orElseGet(() -> new NotFound<>("subscription_sid"));
    }

    /** The records a subscription may receive: its partner, or its partner's current subtree. */
    public io.confcdr.query.Visibility visibilityOf(Subscription s) {
        return visibility(s.partnerSid(), s.descendants());
    }

    /**
     * As the list route decides it for a token ({@code Caller.readVisibility}): the subtree comes from the
     * partner store's cache, and no lookup of the partner itself, which a delivery would pay each time. A
     * deleted partner needs none: its subtree is empty, and it had no records when it was deleted.
     */
    private io.confcdr.query.Visibility visibility(String partnerSid, boolean descendants) {
        return descendants ? new io.confcdr.query.Visibility(partners.subtree(partnerSid))
                : io.confcdr.query.Visibility.of(partnerSid);
    }

    private SubscriptionView view(Subscription s, String secret) {
        return new SubscriptionView(s, store.backlog(s.position(), FilterParser.parse(s.filter()), visibilityOf(s), Backlog.COUNTED_UP_TO), secret);
    }

    private Optional<AdminResult<SubscriptionView>> checkSettings(String url, String filter, String include,
            String exclude, Integer maxBatch) {
        String urlProblem = WebhookUrls.problem(url, allowPrivateUrls);
        if (urlProblem == null && StorableText.problem(url) != null) {
            urlProblem = StorableText.problem(url);
        }
        if (urlProblem != null) {
            return Optional.of(new Invalid<>("url", urlProblem));
        }
        if (maxBatch != null && (maxBatch < 1 || maxBatch > MAX_BATCH)) {
            return Optional.of(new Invalid<>("max_batch", "must be a whole number from 1 to " + MAX_BATCH));
        }
        FilterParser.parse(filter);
        ListRequestParser.fieldSelection(include, exclude);
        return Optional.empty();
    }

    private Optional<Subscription> managed(Caller caller, String sid) {
        Set<String> managed = managedPartners(caller);
        return store.find(sid).filter(s -> managed.contains(s.partnerSid()));
    }

    private Set<String> managedPartners(Caller caller) {
        return switch (caller) {
            case Caller.Bearer bearer -> partners.subtree(bearer.partnerSid());
            case Caller.Operator operator -> partners.allSids();
        };
    }

    private static <T> T pick(Change<T> change, T current) {
        return change.given() ? change.value() : current;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
