package io.confcdr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.auth.Caller;
import io.confcdr.auth.ForbiddenException;
import io.confcdr.auth.Scopes;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Partner;
import io.confcdr.store.TestRecords;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The partner rules without HTTP: who may create, move, suspend and delete which partner.
 * <pre>
 * acme ── emea ── paris        globex
 * </pre>
 */
class PartnerAdminTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final MemoryStorage storage = new MemoryStorage(Clock.fixed(NOW, ZoneOffset.UTC));
    private final PartnerAdmin admin = new PartnerAdmin(storage.partners(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final Caller operator = Caller.operator();
    private final Partner acme = created(operator, new NewPartner("acme", "Acme", null, null, null));
    private final Partner emea = created(operator, new NewPartner("emea", "Acme EMEA", "acme", null, null));
    private final Partner paris = created(operator, new NewPartner("paris", "Acme Paris", "emea", null, null));
    private final Partner globex = created(operator, new NewPartner("globex", "Globex", null, null, null));
    private final Caller emeaManager = bearer("emea", Scopes.PARTNERS_MANAGE);

    private Partner created(Caller caller, NewPartner command) {
        return ((AdminResult.Done<Partner>) admin.create(caller, command)).value();
    }

    private static Caller bearer(String partnerSid, String... scopes) {
        return new Caller.Bearer(new ApiToken("tok-" + partnerSid, partnerSid, "t", Set.of(scopes), NOW, null, null, null));
    }

    private static PartnerPatch moveTo(String parent) {
        return new PartnerPatch(Change.keep(), Change.to(parent), Change.keep(), Change.keep());
    }

    @Test
    void aTokenCreatesUnderItsOwnPartnerByDefaultWithAFreshSid() {
        Partner child = created(emeaManager, NewPartner.named("Acme Lyon"));

        assertThat(child.parentSid()).isEqualTo("emea");
        assertThat(child.sid()).matches("[0-9a-f-]{36}");
        assertThat(child.status()).isEqualTo(Partner.ACTIVE);
        assertThat(child.dateCreated()).isEqualTo(NOW);
    }

    @Test
    void aTokenCannotCreateOutsideItsSubtreeNorChooseTheSid() {
        assertThat(admin.create(emeaManager, new NewPartner(null, "X", "globex", null, null)))
                .isEqualTo(new AdminResult.Invalid<>("parent_sid", "no such partner"));
        assertThat(admin.create(emeaManager, new NewPartner("mine", "X", null, null, null)))
                .isEqualTo(new AdminResult.Invalid<>("partner_sid", "is chosen by confcdr"));
    }

    @Test
    void theOperatorCreatesRootsWithChosenSidsAndATakenSidIsAConflict() {
        assertThat(storage.partners().find("acme")).contains(acme);
        assertThat(admin.create(operator, new NewPartner("acme", "Again", null, null, null)))
                .isEqualTo(new AdminResult.Conflict<>("partner_sid", "partner acme already exists"));
        assertThat(admin.create(operator, new NewPartner("a/b", "Slash", null, null, null)))
                .isInstanceOf(AdminResult.Invalid.class);
    }

    @Test
    void namesStatusesAndCallbacksFollowOneRuleForEveryCaller() {
        assertThat(admin.create(emeaManager, NewPartner.named(" "))).isEqualTo(
                new AdminResult.Invalid<>("name", "must be a non-empty name of at most 256 characters"));
        assertThat(admin.create(emeaManager, new NewPartner(null, "X", null, "gone", null)))
                .isEqualTo(new AdminResult.Invalid<>("status", "must be one of active, suspended"));
        assertThat(admin.create(emeaManager, new NewPartner(null, "X", null, null, Map.of("cdr", "javascript:alert(1)"))))
                .isEqualTo(new AdminResult.Invalid<>("callbacks", "every callback must be an absolute http or https URL"));
    }

    @Test
    void aTokenSeesOnlyItsSubtreeAndOutsideIsNotFound() {
        assertThat(admin.list(emeaManager)).containsExactly(emea, paris);
        assertThat(admin.get(emeaManager, "globex")).isEqualTo(new AdminResult.NotFound<>("partner_sid"));
        assertThat(admin.get(emeaManager, "acme")).isEqualTo(new AdminResult.NotFound<>("partner_sid"));
    }

    @Test
    void aPartnerCannotMoveItselfNorChangeItsOwnStatus() {
        assertThat(admin.update(emeaManager, "emea", moveTo("globex")))
                .isEqualTo(new AdminResult.Invalid<>("parent_sid", "a partner cannot move itself"));
        assertThat(admin.update(emeaManager, "emea", new PartnerPatch(Change.keep(), Change.keep(),
                Change.to(Partner.SUSPENDED), Change.keep())))
                .isEqualTo(new AdminResult.Invalid<>("status", "a partner cannot change its own status"));
        assertThat(admin.update(emeaManager, "emea", new PartnerPatch(Change.to("EMEA"), Change.keep(), Change.keep(),
                Change.keep()))).isEqualTo(AdminResult.done(new Partner("emea", "EMEA", "acme", Partner.ACTIVE, NOW)));
    }

    @Test
    void aMoveUnderItsOwnDescendantIsRefused() {
        Partner lyon = created(emeaManager, NewPartner.named("Lyon"));

        assertThat(admin.update(emeaManager, "paris", moveTo(lyon.sid())).getClass()).isEqualTo(AdminResult.Done.class);
        assertThat(admin.update(operator, "emea", moveTo(lyon.sid()))).isEqualTo(new AdminResult.Invalid<>(
                "parent_sid", "a partner cannot move under itself or its own descendant"));
    }

    @Test
    void onlyALeafWithoutRecordsIsDeletedAndItsTokensAreRevokedWithIt() {
        storage.tokens().create(new ApiToken("tok-paris", "paris", "bridge", Set.of(Scopes.CDR_INGEST), NOW, null, null, null),
                new byte[] {1});

        assertThat(admin.delete(emeaManager, "emea"))
                .isEqualTo(new AdminResult.Conflict<>("partner_sid", "a partner cannot delete itself"));
        assertThat(admin.delete(operator, "emea"))
                .isEqualTo(new AdminResult.Conflict<>("partner_sid", "the partner has sub-partners"));
        assertThat(admin.delete(emeaManager, "paris")).isEqualTo(AdminResult.done(paris));

        assertThat(storage.partners().find("paris")).isEmpty();
        assertThat(storage.tokens().findById("tok-paris")).get()
                .satisfies(token -> assertThat(token.dateRevoked()).isEqualTo(NOW));
    }

    @Test
    void aPartnerWithRecordsIsKept() {
        var records = new TestRecords();
        created(operator, new NewPartner(records.partnerSid(), "Busy", "globex", null, null));
        storage.cdrs().insert(List.of(records.call("kept").build()));

        assertThat(admin.delete(operator, records.partnerSid()))
                .isEqualTo(new AdminResult.Conflict<>("partner_sid", "the partner has call records"));
        assertThat(storage.partners().find(records.partnerSid())).isPresent();
    }

    @Test
    void importingTheSamePartnerTwiceIsHarmlessButAnotherParentIsAConflict() {
        assertThat(admin.ensure(operator, new NewPartner("paris", "Acme Paris", "emea", null, null)))
                .isEqualTo(AdminResult.done(new PartnerAdmin.Ensured(paris, false)));
        assertThat(admin.ensure(operator, new NewPartner("paris", "Acme Paris", "globex", null, null)))
                .isEqualTo(new AdminResult.Conflict<>("parent_sid", "partner paris exists with another parent"));
    }

    @Test
    void withoutPartnersManageNothingIsDone() {
        Caller reader = bearer("emea", Scopes.APP_READ);

        assertThatThrownBy(() -> admin.create(reader, NewPartner.named("X"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> admin.delete(reader, "paris")).isInstanceOf(ForbiddenException.class);
        assertThat(storage.partners().find("paris")).isPresent();
    }
}
