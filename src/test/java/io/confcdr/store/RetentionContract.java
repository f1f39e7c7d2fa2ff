package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.lifecycle.RetentionPurge;
import io.confcdr.model.Cdr;
import io.confcdr.model.Partner;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention on every store: which records a pass deletes (date_stop before now minus the partner's
 * effective retention), inheritance through the tree, a retention shortened or lengthened, the cutoff
 * itself, and the store's bounded batches.
 */
public abstract class RetentionContract extends StorageContract {

    private static final Instant PURGE_TIME = Instant.parse("2025-06-01T00:00:00Z");

    private String run;
    private TestRecords records;

    @BeforeEach
    void newRun() {
        run = UUID.randomUUID().toString().substring(0, 8);
        records = new TestRecords();
    }

    private Partner partner(String name, Partner parent, Integer retentionDays) {
        var created = storage.partners().create(new Partner(run + "-" + name, name, parent == null ? null : parent.sid(),
                Partner.ACTIVE, PURGE_TIME.minus(Duration.ofDays(1000)), Map.of(), retentionDays));
        return ((PartnerStore.Creation.Created) created).partner();
    }

    private void setRetention(Partner partner, Integer days) {
        storage.partners().update(new Partner(partner.sid(), partner.name(), partner.parentSid(), partner.status(),
                partner.dateCreated(), partner.callbacks(), days));
    }

    /** A record of {@code partner} whose date_stop is {@code age} before the purge time. */
    private Cdr stored(Partner partner, String name, Duration age) {
        Instant stop = PURGE_TIME.minus(age);
        Cdr cdr = records.call(name).partnerSid(partner.sid()).dateStart(stop.minusSeconds(60)).dateStop(stop).build();
        assertThat(storage.cdrs().insert(List.of(cdr)).getFirst()).isInstanceOf(InsertResult.Stored.class);
        return cdr;
    }

    private boolean present(Cdr cdr) {
        return storage.cdrs().find(cdr.callSid(), Visibility.of(cdr.partnerSid())).isPresent();
    }

    private Map<String, Long> purgeAt(Instant now) {
        return new RetentionPurge(storage.partners(), storage.retention(), Clock.fixed(now, ZoneOffset.UTC),
                new SimpleMeterRegistry(), 2).runOnce();
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }

    @Test
    void aPartnersRetentionIsKeptAndChangedByTheStore() {
        Partner acme = partner("acme", null, 90);
        Partner child = partner("child", acme, null);
        assertThat(storage.partners().find(acme.sid()).orElseThrow().cdrRetentionDays()).isEqualTo(90);
        assertThat(storage.partners().find(child.sid()).orElseThrow().cdrRetentionDays()).isNull();

        setRetention(acme, null);
        setRetention(child, 7);

        assertThat(storage.partners().find(acme.sid()).orElseThrow().cdrRetentionDays()).isNull();
        assertThat(storage.partners().all()).filteredOn(p -> p.sid().equals(child.sid()))
                .singleElement().extracting(Partner::cdrRetentionDays).isEqualTo(7);
    }

    @Test
    void recordsStoppedLongerAgoThanTheRetentionAreDeletedAndNewerOnesKept() {
        Partner acme = partner("acme", null, 30);
        Cdr old = stored(acme, "old", days(31));
        Cdr recent = stored(acme, "recent", days(29));

        Map<String, Long> removed = purgeAt(PURGE_TIME);

        assertThat(present(old)).isFalse();
        assertThat(present(recent)).isTrue();
        assertThat(removed).containsEntry(acme.sid(), 1L);
    }

    @Test
    void aRecordStoppingExactlyAtTheCutoffIsKeptAndOneAMillisecondOlderIsNot() {
        Partner acme = partner("acme", null, 30);
        Cdr atCutoff = stored(acme, "at-cutoff", days(30));
        Cdr justBefore = stored(acme, "just-before", days(30).plusMillis(1));

        purgeAt(PURGE_TIME);

        assertThat(present(atCutoff)).isTrue();
        assertThat(present(justBefore)).isFalse();
    }

    @Test
    void descendantsWithoutARetentionInheritTheNearestAncestorsAtAnyDepth() {
        Partner root = partner("root", null, 30);
        Partner reseller = partner("reseller", root, null);
        Partner customer = partner("customer", reseller, null);
        Cdr customerOld = stored(customer, "customer-old", days(40));
        Cdr customerRecent = stored(customer, "customer-recent", days(20));

        purgeAt(PURGE_TIME);

        assertThat(present(customerOld)).isFalse();
        assertThat(present(customerRecent)).isTrue();
    }

    @Test
    void aChildsOwnRetentionOverridesItsParentsBothLongerAndShorter() {
        Partner root = partner("root", null, 30);
        Partner longer = partner("longer", root, 365);
        Partner shorter = partner("shorter", root, 7);
        Partner underLonger = partner("under-longer", longer, null);
        Cdr rootOld = stored(root, "root-old", days(100));
        Cdr longerOld = stored(longer, "longer-old", days(100));
        Cdr underLongerOld = stored(underLonger, "under-longer-old", days(100));
        Cdr shorterWeekOld = stored(shorter, "shorter-8-days", days(8));

        purgeAt(PURGE_TIME);

        assertThat(present(rootOld)).isFalse();
        assertThat(present(longerOld)).isTrue();
        assertThat(present(underLongerOld)).isTrue();
        assertThat(present(shorterWeekOld)).isFalse();
    }

    @Test
    void withoutARetentionAnywhereInItsAncestryAPartnerKeepsEverything() {
        Partner root = partner("root", null, null);
        Partner child = partner("child", root, null);
        Cdr ancient = stored(child, "ancient", days(20_000));

        Map<String, Long> removed = purgeAt(PURGE_TIME);

        assertThat(present(ancient)).isTrue();
        assertThat(removed).doesNotContainKey(child.sid());
    }

    @Test
    void shorteningTheRetentionPurgesOlderRecordsAtTheNextPassAndLengtheningBringsNothingBack() {
        Partner acme = partner("acme", null, 365);
        Cdr monthsOld = stored(acme, "months-old", days(100));
        Cdr weekOld = stored(acme, "week-old", days(7));
        purgeAt(PURGE_TIME);
        assertThat(present(monthsOld)).isTrue();

        setRetention(acme, 30);
        purgeAt(PURGE_TIME);
        assertThat(present(monthsOld)).isFalse();

        setRetention(acme, 3650);
        purgeAt(PURGE_TIME);
        assertThat(present(monthsOld)).isFalse();
        assertThat(present(weekOld)).isTrue();
    }

    @Test
    void recordsExpireAsTimePassesWithoutAnyChangeOfRetention() {
        Partner acme = partner("acme", null, 30);
        Cdr record = stored(acme, "ages", days(10));

        purgeAt(PURGE_TIME);
        assertThat(present(record)).isTrue();

        purgeAt(PURGE_TIME.plus(days(21)));
        assertThat(present(record)).isFalse();
    }

    @Test
    void theStoreDeletesAtMostABatchPerCallAndOnlyTheNamedPartnersExpiredRecords() {
        Partner acme = partner("acme", null, null);
        Partner globex = partner("globex", null, null);
        for (int i = 0; i < 5; i++) {
            stored(acme, "acme-old-" + i, days(40));
        }
        Cdr acmeRecent = stored(acme, "acme-recent", days(1));
        Cdr globexOld = stored(globex, "globex-old", days(40));
        Instant cutoff = PURGE_TIME.minus(days(30));

        List<Integer> batches = List.of(
                storage.retention().purgeExpired(Set.of(acme.sid()), cutoff, 2),
                storage.retention().purgeExpired(Set.of(acme.sid()), cutoff, 2),
                storage.retention().purgeExpired(Set.of(acme.sid()), cutoff, 2),
                storage.retention().purgeExpired(Set.of(acme.sid()), cutoff, 2));

        assertThat(batches).containsExactly(2, 2, 1, 0);
        assertThat(present(acmeRecent)).isTrue();
        assertThat(present(globexOld)).isTrue();
    }

    @Test
    void aPassDeletesEveryExpiredRecordWhateverTheBatchSize() {
        Partner acme = partner("acme", null, 30);
        for (int i = 0; i < 7; i++) {
            stored(acme, "old-" + i, days(31 + i));
        }

        Map<String, Long> removed = purgeAt(PURGE_TIME);

        assertThat(removed).containsEntry(acme.sid(), 7L);
        Page left = storage.cdrs().list(new CdrQuery(Filter.ALL, Order.INSERTION, 1000, 0, null, false),
                Visibility.of(acme.sid()));
        assertThat(left.items()).isEmpty();
    }
}
