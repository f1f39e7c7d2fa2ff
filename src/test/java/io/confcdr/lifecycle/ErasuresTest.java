package io.confcdr.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.admin.AdminResult;
import io.confcdr.auth.Caller;
import io.confcdr.auth.ForbiddenException;
import io.confcdr.auth.Scopes;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Cdr;
import io.confcdr.model.Erasure;
import io.confcdr.model.ErasureMode;
import io.confcdr.model.Partner;
import io.confcdr.query.Visibility;
import io.confcdr.store.InsertResult;
import io.confcdr.store.TestRecords;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The erasure rules without HTTP: who may erase, what a request must hold, what is erased and remembered. */
class ErasuresTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String NUMBER = "+17605692222";

    private final MemoryStorage storage = new MemoryStorage(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Erasures erasures = new Erasures(storage.erasures(), storage.partners(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final Cdr acmeCall = TestRecords.carrierxSample().toBuilder().partnerSid("acme").callSid("c-acme").build();
    private final Cdr globexCall = TestRecords.carrierxSample().toBuilder().partnerSid("globex").callSid("c-globex").build();

    ErasuresTest() {
        storage.partners().create(new Partner("acme", "Acme", null, Partner.ACTIVE, NOW));
        storage.partners().create(new Partner("globex", "Globex", null, Partner.ACTIVE, NOW));
        storage.cdrs().insert(List.of(acmeCall, globexCall));
    }

    private static Caller bearer(String partnerSid, String... scopes) {
        return new Caller.Bearer(new ApiToken("tok-" + partnerSid, partnerSid, "t", Set.of(scopes), NOW, null, null, null));
    }

    private static ErasureRequest request(String number, String mode) {
        return new ErasureRequest(number, mode, null, null);
    }

    private Erasure done(Caller caller, ErasureRequest request) {
        return ((AdminResult.Done<Erasure>) erasures.erase(caller, request)).value();
    }

    @Test
    void aTokenErasesItsOwnRecordsAndIsRememberedWithoutTheNumber() {
        Erasure erasure = done(bearer("acme", Scopes.APP_MANAGE), request(NUMBER, "delete"));

        assertThat(erasure.records()).isEqualTo(1);
        assertThat(erasure.mode()).isEqualTo(ErasureMode.DELETE);
        assertThat(erasure.dateCreated()).isEqualTo(NOW);
        assertThat(erasure.tokenId()).isEqualTo("tok-acme");
        assertThat(erasure.partnerSid()).isEqualTo("acme");
        assertThat(erasure.numberSha256()).isEqualTo(Erasures.sha256(NUMBER));
        assertThat(erasure.toString()).doesNotContain(NUMBER);
        assertThat(storage.cdrs().find("c-acme", Visibility.of("acme"))).isEmpty();
        assertThat(storage.cdrs().find("c-globex", Visibility.of("globex"))).contains(storedGlobex());
        assertThat(erasures.list(bearer("acme", Scopes.APP_MANAGE))).containsExactly(erasure);
        assertThat(erasures.list(bearer("globex", Scopes.APP_MANAGE))).isEmpty();
    }

    private Cdr storedGlobex() {
        return storage.cdrs().find("c-globex", Visibility.of("globex")).orElseThrow();
    }

    @Test
    void theHashIsTheHexSha256OfTheNumbersUtf8Bytes() {
        // printf '%s' '+17605692222' | sha256sum
        assertThat(Erasures.sha256(NUMBER)).isEqualTo("59bff777f5049f912bdf9e4d7fab67c694b65ad430f3084eb3dce5e6e2812c76");
    }

    @Test
    void theOperatorErasesEveryTenantsRecordsAndSeesEveryErasure() {
        done(bearer("acme", Scopes.APP_MANAGE), request("+19999999999", "redact"));
        Erasure everywhere = done(Caller.operator(), request(NUMBER, "redact"));

        assertThat(everywhere.records()).isEqualTo(2);
        assertThat(everywhere.tokenId()).isNull();
        assertThat(storedGlobex().numberSrc()).isEqualTo("redacted");
        assertThat(storedGlobex().duration()).isEqualTo(globexCall.duration());
        assertThat(erasures.list(Caller.operator())).hasSize(2);
        assertThat(erasures.list(bearer("acme", Scopes.APP_MANAGE))).hasSize(1);
    }

    @Test
    void aRecordSentAgainAfterItsDeletionIsAConflict() {
        done(bearer("acme", Scopes.APP_MANAGE), request(NUMBER, "delete"));

        assertThat(storage.cdrs().insert(List.of(acmeCall))).containsExactly(new InsertResult.Conflict("c-acme"));
        assertThat(storage.cdrs().find("c-acme", Visibility.of("acme"))).isEmpty();
    }

    @Test
    void withoutAppManageNothingIsErasedOrListed() {
        Caller reader = bearer("acme", Scopes.APP_READ, Scopes.APP_READ_DESCENDANT);

        assertThatThrownBy(() -> erasures.erase(reader, request(NUMBER, "delete"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> erasures.list(reader)).isInstanceOf(ForbiddenException.class);
        assertThat(storage.cdrs().find("c-acme", Visibility.of("acme"))).isPresent();
    }

    @Test
    void eachInvalidRequestNamesItsFieldAndErasesNothing() {
        Caller manager = bearer("acme", Scopes.APP_MANAGE);
        assertThat(erasures.erase(manager, request(null, "delete"))).isEqualTo(new AdminResult.Invalid<>("number", "is required"));
        assertThat(erasures.erase(manager, request("", "delete"))).isEqualTo(new AdminResult.Invalid<>("number", "is required"));
        assertThat(erasures.erase(manager, request("1".repeat(257), "delete")))
                .isEqualTo(new AdminResult.Invalid<>("number", "must be at most 256 characters"));
        assertThat(erasures.erase(manager, request("+1\uD800", "delete"))).extracting(r -> ((AdminResult.Invalid<?>) r).field())
                .isEqualTo("number");
        assertThat(erasures.erase(manager, request(NUMBER, null))).isEqualTo(new AdminResult.Invalid<>("mode", "is required: delete or redact"));
        assertThat(erasures.erase(manager, request(NUMBER, "DELETE"))).isEqualTo(new AdminResult.Invalid<>("mode", "must be delete or redact"));
        assertThat(erasures.erase(manager, new ErasureRequest(NUMBER, "delete", "2024-12-14", null)))
                .extracting(r -> ((AdminResult.Invalid<?>) r).field()).isEqualTo("date_from");
        assertThat(erasures.erase(manager, new ErasureRequest(NUMBER, "delete", "2024-12-15T00:00:00Z", "2024-12-14T00:00:00Z")))
                .isEqualTo(new AdminResult.Invalid<>("date_to", "must be later than date_from"));
        assertThat(erasures.erase(manager, request("1".repeat(256), "delete"))).isInstanceOf(AdminResult.Done.class);
        assertThat(storage.cdrs().find("c-acme", Visibility.of("acme"))).isPresent();
    }
}
