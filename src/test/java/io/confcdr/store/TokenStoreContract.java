package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.ApiToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API tokens every store keeps: found by secret hash only, listed per partner, revoked, touched. */
public abstract class TokenStoreContract extends StorageContract {

    private static final Instant CREATED = Instant.parse("2024-06-01T12:00:00.123Z");

    /** A partner of this test's own: the storage is shared by the tests of a class. */
    private String partnerSid;

    @BeforeEach
    void newPartner() {
        partnerSid = "partner-" + UUID.randomUUID();
    }

    private ApiToken token(String name) {
        return new ApiToken(UUID.randomUUID().toString(), partnerSid, name, Set.of("app.read", "app.read_descendant"),
                CREATED, CREATED.plus(Duration.ofDays(365)), null, null);
    }

    private static byte[] hash(String secret) {
        return ("sha256:" + secret).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tokenIsFoundByTheHashOfItsSecret() {
        ApiToken token = token("reporting");
        String secret = UUID.randomUUID().toString();
        storage.tokens().create(token, hash(secret));

        assertThat(storage.tokens().findByHash(hash(secret))).contains(token);
    }

    @Test
    void tokenIsFoundByItsPublicId() {
        ApiToken token = token("by-id");
        storage.tokens().create(token, hash(UUID.randomUUID().toString()));

        assertThat(storage.tokens().findById(token.id())).contains(token);
        assertThat(storage.tokens().findById(token.id() + "-other")).isEmpty();
    }

    @Test
    void tokensOfSeveralPartnersAreListedOldestFirst() {
        ApiToken older = token("older");
        ApiToken newer = new ApiToken(UUID.randomUUID().toString(), partnerSid + "-child", "newer", Set.of("app.read"),
                CREATED.plusSeconds(1), null, null, null);
        ApiToken elsewhere = new ApiToken(UUID.randomUUID().toString(), partnerSid + "-other", "elsewhere", Set.of("app.read"),
                CREATED, null, null, null);
        for (ApiToken token : List.of(newer, older, elsewhere)) {
            storage.tokens().create(token, hash(UUID.randomUUID().toString()));
        }

        assertThat(storage.tokens().listForPartners(Set.of(partnerSid, partnerSid + "-child"))).containsExactly(older, newer);
    }

    @Test
    void unknownHashFindsNothing() {
        assertThat(storage.tokens().findByHash(hash(UUID.randomUUID().toString()))).isEmpty();
    }

    @Test
    void tokensAreListedForTheirPartnerOnly() {
        ApiToken first = token("first");
        ApiToken second = token("second");
        storage.tokens().create(first, hash(UUID.randomUUID().toString()));
        storage.tokens().create(second, hash(UUID.randomUUID().toString()));

        assertThat(storage.tokens().listForPartner(partnerSid)).containsExactlyInAnyOrder(first, second);
        assertThat(storage.tokens().listForPartner(partnerSid + "-other")).isEmpty();
    }

    @Test
    void revokedTokenCarriesItsRevocationDate() {
        ApiToken token = token("leaked");
        String secret = UUID.randomUUID().toString();
        storage.tokens().create(token, hash(secret));
        Instant revokedAt = Instant.parse("2024-07-01T00:00:00Z");

        assertThat(storage.tokens().revoke(token.id(), revokedAt)).isTrue();

        ApiToken found = storage.tokens().findByHash(hash(secret)).orElseThrow();
        assertThat(found.dateRevoked()).isEqualTo(revokedAt);
        assertThat(found.isUsableAt(revokedAt.plusSeconds(1))).isFalse();
    }

    @Test
    void revokedTokenIsNotUsableRightAfterItWasLookedUp() {
        ApiToken token = token("leaked-in-use");
        String secret = UUID.randomUUID().toString();
        storage.tokens().create(token, hash(secret));
        Instant revokedAt = Instant.parse("2024-07-01T00:00:00Z");
        assertThat(storage.tokens().findByHash(hash(secret)).orElseThrow().isUsableAt(revokedAt)).isTrue();

        storage.tokens().revoke(token.id(), revokedAt);

        assertThat(storage.tokens().findByHash(hash(secret)).orElseThrow().isUsableAt(revokedAt)).isFalse();
    }

    @Test
    void tokenCreatedAfterItsSecretWasTriedIsFoundAtOnce() {
        ApiToken token = token("new");
        String secret = UUID.randomUUID().toString();
        assertThat(storage.tokens().findByHash(hash(secret))).isEmpty();

        storage.tokens().create(token, hash(secret));

        assertThat(storage.tokens().findByHash(hash(secret))).contains(token);
    }

    @Test
    void revokingAnUnknownTokenReportsIt() {
        assertThat(storage.tokens().revoke("no-such-token", Instant.parse("2024-07-01T00:00:00Z"))).isFalse();
    }

    @Test
    void touchedTokenEventuallyShowsItsLastUse() throws InterruptedException {
        ApiToken token = token("used");
        String secret = UUID.randomUUID().toString();
        storage.tokens().create(token, hash(secret));
        Instant usedAt = Instant.parse("2024-07-01T08:30:00.250Z");

        storage.tokens().touch(token.id(), usedAt);

        // Recording use may be deferred; it must land within a few seconds.
        Optional<Instant> lastUsed = Optional.empty();
        for (int attempt = 0; attempt < 100 && lastUsed.isEmpty(); attempt++) {
            lastUsed = Optional.ofNullable(storage.tokens().findByHash(hash(secret)).orElseThrow().dateLastUsed());
            if (lastUsed.isEmpty()) {
                Thread.sleep(50);
            }
        }
        assertThat(lastUsed).contains(usedAt);
    }
}
