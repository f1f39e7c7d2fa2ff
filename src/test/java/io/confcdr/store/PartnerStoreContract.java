package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.Partner;
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
        return storage.partners().create(new Partner(run + "-" + name, "Partner " + name,
                parent == null ? null : parent.sid(), Partner.ACTIVE, CREATED));
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

        assertThatThrownBy(() -> storage.partners().create(root)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void creatingUnderAnUnknownParentIsRefused() {
        Partner orphan = new Partner(run + "-orphan", "Orphan", run + "-missing", Partner.ACTIVE, CREATED);

        assertThatThrownBy(() -> storage.partners().create(orphan)).isInstanceOf(IllegalArgumentException.class);
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

        storage.partners().delete(leaf.sid());

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

        assertThat(storage.partners().update(changed)).isTrue();

        assertThat(storage.partners().find(child.sid())).contains(new Partner(child.sid(), "Renamed", other.sid(),
                Partner.SUSPENDED, CREATED, java.util.Map.of("cdr", "https://x.example.com/")));
        assertThat(storage.partners().subtree(root.sid())).containsExactly(root.sid());
    }

    @Test
    void updatingAnUnknownPartnerReportsIt() {
        assertThat(storage.partners().update(new Partner(run + "-nobody", "X", null, Partner.ACTIVE, CREATED))).isFalse();
    }

    @Test
    void movingAPartnerUnderItselfOrItsDescendantIsRefused() {
        Partner root = partner("root", null);
        Partner child = partner("child", root);
        Partner grandchild = partner("grandchild", child);

        for (Partner newParent : java.util.List.of(child, grandchild)) {
            var cycle = new Partner(child.sid(), child.name(), newParent.sid(), Partner.ACTIVE, CREATED);
            assertThatThrownBy(() -> storage.partners().update(cycle)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(storage.partners().find(child.sid())).contains(child);
    }

    @Test
    void movingAPartnerUnderAnUnknownParentIsRefused() {
        Partner child = partner("child", partner("root", null));
        var moved = new Partner(child.sid(), child.name(), run + "-missing", Partner.ACTIVE, CREATED);

        assertThatThrownBy(() -> storage.partners().update(moved)).isInstanceOf(IllegalArgumentException.class);
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

        assertThat(storage.partners().delete(root.sid())).isEqualTo(PartnerStore.Deletion.HAS_CHILDREN);
        assertThat(storage.partners().delete(leaf.sid())).isEqualTo(PartnerStore.Deletion.DELETED);
        assertThat(storage.partners().find(leaf.sid())).isEmpty();
        assertThat(storage.partners().delete(leaf.sid())).isEqualTo(PartnerStore.Deletion.NOT_FOUND);
        assertThat(storage.partners().delete(root.sid())).isEqualTo(PartnerStore.Deletion.DELETED);
    }
}
