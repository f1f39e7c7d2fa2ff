package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.ApiToken;
import io.confcdr.model.Cdr;
import io.confcdr.model.Partner;
import io.confcdr.query.Visibility;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The partner tree every store keeps: creation rules, lookup, children and whole subtrees. */
public abstract class PartnerStoreContract extends StorageContract {

    private static final Instant CREATED = Instant.parse("2024-06-01T12:00:00.123Z");

    /** A prefix of this test's own: the storage is shared by the tests of a class. */
    private String run;

    @BeforeEach
    void newRun() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    private Partner partner(String name, Partner parent) {
        var created = storage.partners().create(new Partner(run + "-" + name, "Partner " + name,
                parent == null ? null : parent.sid(), Partner.ACTIVE, CREATED));
        return ((PartnerStore.Creation.Created) created).partner();
    }

    @Test
    void createdPartnerIsFoundWithAllItsAttributes() {
        Partner root = partner("root", null);
        Partner child = partner("child", root);

        assertThat(storage.partners().find(child.sid())).contains(child);
        assertThat(storage.partners().find(root.sid())).contains(root);
    }

    @Test
    void unknownPartnerIsNotFound() {
        assertThat(storage.partners().find(run + "-nobody")).isEmpty();
    }

    @Test
    void creatingAnExistingSidIsRefused() {
        Partner root = partner("root", null);

        assertThat(storage.partners().create(root)).isInstanceOf(PartnerStore.Creation.SidTaken.class);
    }

    @Test
    void creatingUnderAnUnknownParentIsRefused() {
        Partner orphan = new Partner(run + "-orphan", "Orphan", run + "-missing", Partner.ACTIVE, CREATED);

        assertThat(storage.partners().create(orphan)).isInstanceOf(PartnerStore.Creation.ParentMissing.class);
        assertThat(storage.partners().find(orphan.sid())).isEmpty();
    }

    @Test
    void subtreeHoldsThePartnerAndDescendantsAtAnyDepthButNotSiblings() {
        Partner root = partner("root", null);
        Partner reseller = partner("reseller", root);
        Partner customer = partner("customer", reseller);
        Partner grandchild = partner("grandchild", customer);
        Partner sibling = partner("sibling", root);

        assertThat(storage.partners().subtree(reseller.sid()))
                .containsExactlyInAnyOrder(reseller.sid(), customer.sid(), grandchild.sid());
        assertThat(storage.partners().subtree(root.sid())).contains(sibling.sid()).hasSize(5);
    }

    @Test
    void partnerCreatedUnderARootAppearsInItsSubtreeAtOnce() {
        Partner root = partner("root", null);
        Partner reseller = partner("reseller", root);
        assertThat(storage.partners().subtree(root.sid())).containsExactlyInAnyOrder(root.sid(), reseller.sid());

        Partner customer = partner("customer", reseller);

        assertThat(storage.partners().subtree(root.sid()))
                .containsExactlyInAnyOrder(root.sid(), reseller.sid(), customer.sid());
    }

    @Test
    void movedPartnerLeavesItsOldAncestorsSubtreeAtOnce() {
        Partner root = partner("root", null);
        Partner oldReseller = partner("old-reseller", root);
        Partner newReseller = partner("new-reseller", root);
        Partner customer = partner("customer", oldReseller);
        assertThat(storage.partners().subtree(oldReseller.sid())).contains(customer.sid());
        assertThat(storage.partners().subtree(newReseller.sid())).doesNotContain(customer.sid());

        storage.partners().update(new Partner(customer.sid(), customer.name(), newReseller.sid(), customer.status(),
                customer.dateCreated()));

        assertThat(storage.partners().subtree(oldReseller.sid())).containsExactly(oldReseller.sid());
        assertThat(storage.partners().subtree(newReseller.sid())).contains(customer.sid());
    }

    @Test
    void deletedPartnerLeavesItsParentsSubtreeAtOnce() {
        Partner root = partner("root", null);
        Partner leaf = partner("leaf", root);
        assertThat(storage.partners().subtree(root.sid())).contains(leaf.sid());

        storage.partners().delete(leaf.sid(), CREATED);

        assertThat(storage.partners().subtree(root.sid())).containsExactly(root.sid());
    }

    @Test
    void subtreeOfAnUnknownPartnerIsEmpty() {
        assertThat(storage.partners().subtree(run + "-nobody")).isEmpty();
    }

    @Test
    void childrenAreTheDirectDescendantsOnly() {
        Partner root = partner("root", null);
        Partner first = partner("a-first", root);
        Partner second = partner("b-second", root);
        partner("grandchild", first);

        assertThat(storage.partners().children(root.sid())).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void callbacksAreKeptWithThePartner() {
        var withCallbacks = new Partner(run + "-cb", "Callbacks", null, Partner.ACTIVE, CREATED,
                java.util.Map.of("cdr", "https://cdr.example.com/hook", "status", "https://example.com/s?x=1&y=\u00e9"));
        storage.partners().create(withCallbacks);

        assertThat(storage.partners().find(withCallbacks.sid())).contains(withCallbacks);
    }

    @Test
    void updateChangesNameParentStatusAndCallbacksButNotTheCreationDate() {
        Partner root = partner("root", null);
        Partner other = partner("other", null);
        Partner child = partner("child", root);
        var changed = new Partner(child.sid(), "Renamed", other.sid(), Partner.SUSPENDED, Instant.EPOCH,
                java.util.Map.of("cdr", "https://x.example.com/"));

        var expected = new Partner(child.sid(), "Renamed", other.sid(), Partner.SUSPENDED, CREATED,
                java.util.Map.of("cdr", "https://x.example.com/"));
        assertThat(storage.partners().update(changed)).isEqualTo(new PartnerStore.Update.Updated(expected));

        assertThat(storage.partners().find(child.sid())).contains(expected);
        assertThat(storage.partners().subtree(root.sid())).containsExactly(root.sid());
    }

    @Test
    void updatingAnUnknownPartnerReportsIt() {
        assertThat(storage.partners().update(new Partner(run + "-nobody", "X", null, Partner.ACTIVE, CREATED)))
                .isInstanceOf(PartnerStore.Update.NotFound.class);
    }

    @Test
    void movingAPartnerUnderItselfOrItsDescendantIsRefused() {
        Partner root = partner("root", null);
        Partner child = partner("child", root);
        Partner grandchild = partner("grandchild", child);

        for (Partner newParent : java.util.List.of(child, grandchild)) {
            var cycle = new Partner(child.sid(), child.name(), newParent.sid(), Partner.ACTIVE, CREATED);
            assertThat(storage.partners().update(cycle)).isInstanceOf(PartnerStore.Update.WouldCycle.class);
        }
        assertThat(storage.partners().find(child.sid())).contains(child);
    }

    @Test
    void movingAPartnerUnderAnUnknownParentIsRefused() {
        Partner child = partner("child", partner("root", null));
        var moved = new Partner(child.sid(), child.name(), run + "-missing", Partner.ACTIVE, CREATED);

        assertThat(storage.partners().update(moved)).isInstanceOf(PartnerStore.Update.ParentMissing.class);
        assertThat(storage.partners().find(child.sid())).contains(child);
    }

    @Test
    void listSubtreeHoldsThePartnerAndItsDescendantsBySid() {
        Partner root = partner("root", null);
        Partner b = partner("b", root);
        Partner a = partner("a", b);
        partner("elsewhere", null);

        assertThat(storage.partners().listSubtree(root.sid())).containsExactly(a, b, root);
        assertThat(storage.partners().listSubtree(run + "-nobody")).isEmpty();
    }

    @Test
    void aLeafIsDeletedButAPartnerWithChildrenIsNot() {
        Partner root = partner("root", null);
        Partner leaf = partner("leaf", root);

        assertThat(storage.partners().delete(root.sid(), CREATED)).isEqualTo(PartnerStore.Deletion.HAS_CHILDREN);
        assertThat(storage.partners().delete(leaf.sid(), CREATED)).isEqualTo(PartnerStore.Deletion.DELETED);
        assertThat(storage.partners().find(leaf.sid())).isEmpty();
        assertThat(storage.partners().delete(leaf.sid(), CREATED)).isEqualTo(PartnerStore.Deletion.NOT_FOUND);
        assertThat(storage.partners().delete(root.sid(), CREATED)).isEqualTo(PartnerStore.Deletion.DELETED);
    }

    @Test
    void aPartnerWithRecordsIsNotDeletedAndKeepsItsTokens() {
        var records = new TestRecords();
        Partner owner = ((PartnerStore.Creation.Created) storage.partners().create(
                new Partner(records.partnerSid(), "Owner", null, Partner.ACTIVE, CREATED))).partner();
        storage.tokens().create(token(owner), new byte[] {1, 2, 3, (byte) run.hashCode()});
        storage.cdrs().insert(java.util.List.of(records.call("kept").build()));

        assertThat(storage.partners().delete(owner.sid(), CREATED)).isEqualTo(PartnerStore.Deletion.HAS_RECORDS);
        assertThat(storage.partners().find(owner.sid())).isPresent();
        assertThat(storage.tokens().listForPartner(owner.sid())).allSatisfy(t -> assertThat(t.dateRevoked()).isNull());
    }

    @Test
    void deletingAPartnerRevokesItsTokensInTheSameStep() {
        Partner root = partner("root", null);
        Partner leaf = partner("leaf", root);
        storage.tokens().create(token(leaf), new byte[] {4, 5, 6, (byte) run.hashCode()});
        Instant when = Instant.parse("2024-07-01T08:00:00Z");

        assertThat(storage.partners().delete(leaf.sid(), when)).isEqualTo(PartnerStore.Deletion.DELETED);

        assertThat(storage.tokens().listForPartner(leaf.sid())).singleElement()
                .satisfies(t -> assertThat(t.dateRevoked()).isEqualTo(when));
    }

    @Test
    void aRecordForAPartnerDeletedMeanwhileIsNotStored() {
        var records = new TestRecords();
        storage.partners().create(new Partner(records.partnerSid(), "Gone", null, Partner.ACTIVE, CREATED));
        storage.partners().delete(records.partnerSid(), CREATED);
        Cdr orphan = records.call("orphan").build();

        assertThat(storage.cdrs().insert(java.util.List.of(orphan)))
                .containsExactly(new InsertResult.PartnerMissing(orphan.callSid()));
        assertThat(storage.cdrs().find(orphan.callSid(), Visibility.of(records.partnerSid()))).isEmpty();
    }

    private ApiToken token(Partner owner) {
        return new ApiToken("tok-" + owner.sid(), owner.sid(), "t", java.util.Set.of("app.read"), CREATED, null, null, null);
    }
}
