package io.confcdr.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.admin.AdminResult;
import io.confcdr.admin.Change;
import io.confcdr.auth.Caller;
import io.confcdr.auth.ForbiddenException;
import io.confcdr.auth.Scopes;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Partner;
import io.confcdr.query.QueryException;
import io.confcdr.store.PushStore;
import io.confcdr.store.Subscription;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The subscription use cases without HTTP: who may do what, what is refused, what is kept. */
class SubscriptionsTest {

    private static final String URL = "http://127.0.0.1:9/hook";
    private final OffsetClock clock = new OffsetClock();
    private final MemoryStorage storage = new MemoryStorage(clock);
    private final PushStore store = storage.push();
    private final AtomicInteger wakes = new AtomicInteger();
    private Subscriptions subscriptions;
    private Caller acme;
    private Caller acmeTree;
    private Caller globex;

    @BeforeEach
    void partners() {
        Instant now = clock.instant();
        storage.partners().create(new Partner("acme", "Acme", null, Partner.ACTIVE, now));
        storage.partners().create(new Partner("emea", "EMEA", "acme", Partner.ACTIVE, now));
        storage.partners().create(new Partner("globex", "Globex", null, Partner.ACTIVE, now));
        subscriptions = new Subscriptions(store, storage.partners(), clock, true, wakes::incrementAndGet);
        acme = bearer("acme", Scopes.APP_MANAGE);
        acmeTree = bearer("acme", Scopes.APP_MANAGE, Scopes.APP_READ_DESCENDANT);
        globex = bearer("globex", Scopes.APP_MANAGE);
    }

    private static Caller bearer(String partner, String... scopes) {
        return new Caller.Bearer(new ApiToken("tok-" + partner + scopes.length, partner, "t", Set.of(scopes), Instant.EPOCH, null, null, null));
    }

    private SubscriptionView create(Caller caller, NewSubscription command) {
        return ((AdminResult.Done<SubscriptionView>) subscriptions.create(caller, command)).value();
    }

    @Test
    void creatingStoresTheTokensPartnerAndVisibilityAndShowsTheSecretOnce() {
        SubscriptionView created = create(acmeTree, new NewSubscription(URL, "direction eq inbound", null, null, null, null));

        assertThat(created.secret()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(created.secret().substring(6))).hasSizeGreaterThanOrEqualTo(24);
        Subscription stored = created.subscription();
        assertThat(stored.partnerSid()).isEqualTo("acme");
        assertThat(stored.descendants()).isTrue();
        assertThat(stored.maxBatch()).isEqualTo(Subscriptions.DEFAULT_MAX_BATCH);
        assertThat(stored.status()).isEqualTo(Subscription.ACTIVE);
        assertThat(wakes).hasValue(1);
        var fetched = ((AdminResult.Done<SubscriptionView>) subscriptions.get(acme, stored.sid())).value();
        assertThat(fetched.secret()).isNull();
        assertThat(subscriptions.visibilityOf(stored).partnerSids()).containsExactlyInAnyOrder("acme", "emea");
    }

    @Test
    void aTokenWithoutAppManageIsForbiddenBeforeAnythingElse() {
        Caller reader = bearer("acme", Scopes.APP_READ);
        assertThatThrownBy(() -> subscriptions.create(reader, new NewSubscription(null, null, null, null, null, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> subscriptions.list(reader)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aFilterOrFieldListThatDoesNotParseIsTheListRoutesError() {
        assertThatThrownBy(() -> subscriptions.create(acme, new NewSubscription(URL, "direction eq", null, null, null, null)))
                .isInstanceOf(QueryException.class).hasMessageContaining("expected a value");
        assertThatThrownBy(() -> subscriptions.create(acme, new NewSubscription(URL, null, "nope", null, null, null)))
                .isInstanceOf(QueryException.class).hasMessageContaining("unknown attribute 'nope'");
    }

    @Test
    void urlsMustBeAbsoluteHttpAndMaxBatchInRange() {
        assertThat(subscriptions.create(acme, new NewSubscription("ftp://example.com/x", null, null, null, null, null)))
                .isEqualTo(new AdminResult.Invalid<>("url", "must be an absolute http or https URL without user information, at most 2048 characters"));
        assertThat(subscriptions.create(acme, new NewSubscription("/relative", null, null, null, null, null)))
                .isInstanceOf(AdminResult.Invalid.class);
        assertThat(subscriptions.create(acme, new NewSubscription(URL, null, null, null, 1001, null)))
                .isEqualTo(new AdminResult.Invalid<>("max_batch", "must be a whole number from 1 to 1000"));
        assertThat(subscriptions.create(acme, new NewSubscription(URL, null, null, null, null, "no-such-call")))
                .isInstanceOf(AdminResult.Invalid.class);
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() {
        var strict = new Subscriptions(store, storage.partners(), clock, false, () -> { });
        for (String url : new String[] {"http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x",
            "http://192.168.0.1/x", "http://169.254.169.254/latest", "http://[::1]/x", "http://0.0.0.0/x"}) {
            assertThat(strict.create(acme, new NewSubscription(url, null, null, null, null, null)))
                    .as(url).isInstanceOf(AdminResult.Invalid.class);
        }
        assertThat(store.list()).isEmpty();
        strict.allowPrivateUrls(true);
        assertThat(strict.create(acme, new NewSubscription("http://127.0.0.1:8080/x", null, null, null, null, null)))
                .isInstanceOf(AdminResult.Done.class);
    }

    @Test
    void anotherPartnersSubscriptionIsNotFoundAndNotListed() {
        String sid = create(acme, new NewSubscription(URL, null, null, null, null, null)).subscription().sid();

        assertThat(subscriptions.get(globex, sid)).isEqualTo(new AdminResult.NotFound<>("subscription_sid"));
        assertThat(subscriptions.delete(globex, sid)).isEqualTo(new AdminResult.NotFound<>("subscription_sid"));
        assertThat(subscriptions.rotateSecret(globex, sid)).isEqualTo(new AdminResult.NotFound<>("subscription_sid"));
        assertThat(subscriptions.list(globex)).isEmpty();
        assertThat(subscriptions.list(acme)).hasSize(1);
    }

    @Test
    void patchChangesOnlyWhatIsGivenAndOnlyToActiveOrPaused() {
        String sid = create(acme, new NewSubscription(URL, "direction eq inbound", null, null, 10, null)).subscription().sid();
        var patch = new SubscriptionPatch(Change.keep(), Change.keep(), Change.to("call_sid"), Change.keep(), Change.to(20), Change.to("paused"));

        Subscription patched = ((AdminResult.Done<SubscriptionView>) subscriptions.update(acme, sid, patch)).value().subscription();
        assertThat(patched.filter()).isEqualTo("direction eq inbound");
        assertThat(patched.includeFields()).isEqualTo("call_sid");
        assertThat(patched.maxBatch()).isEqualTo(20);
        assertThat(patched.status()).isEqualTo("paused");
        var failing = new SubscriptionPatch(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.to("failing"));
        assertThat(subscriptions.update(acme, sid, failing)).isEqualTo(new AdminResult.Invalid<>("status", "must be active or paused"));
    }

    @Test
    void rotationKeepsTheOldSecretSigningForADay() {
        SubscriptionView created = create(acme, new NewSubscription(URL, null, null, null, null, null));
        var rotated = ((AdminResult.Done<SubscriptionView>) subscriptions.rotateSecret(acme, created.subscription().sid())).value();

        assertThat(rotated.secret()).isNotEqualTo(created.secret());
        Subscription stored = rotated.subscription();
        assertThat(stored.secret()).isEqualTo(rotated.secret());
        assertThat(stored.previousSecret()).isEqualTo(created.secret());
        assertThat(Duration.between(clock.instant(), stored.previousSecretUntil())).isBetween(Duration.ofHours(23), Duration.ofHours(24));
    }

    @Test
    void replayNeedsExactlyOneStartingPoint() {
        String sid = create(acme, new NewSubscription(URL, null, null, null, null, null)).subscription().sid();

        assertThat(subscriptions.replay(acme, sid, new Replay(null, null))).isInstanceOf(AdminResult.Invalid.class);
        assertThat(subscriptions.replay(acme, sid, new Replay("x", Instant.EPOCH))).isInstanceOf(AdminResult.Invalid.class);
        assertThat(subscriptions.replay(acme, sid, new Replay("unknown-call", null))).isInstanceOf(AdminResult.Invalid.class);
        assertThat(subscriptions.replay(acme, sid, new Replay(null, Instant.EPOCH))).isInstanceOf(AdminResult.Done.class);
    }

    @Test
    void theOperatorCannotCreateASubscriptionWithoutAPartner() {
        assertThat(subscriptions.create(Caller.operator(), new NewSubscription(URL, null, null, null, null, null)))
                .isInstanceOf(AdminResult.Forbidden.class);
    }
}
