package io.confcdr.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.admin.AdminResult;
import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.boot.Services;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Cdr;
import io.confcdr.model.Partner;
import io.confcdr.store.TestRecords;
import io.confcdr.store.sql.PostgresTestDatabase;
import io.confcdr.store.sql.SqlStorageFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Two confcdr processes' services on one PostgreSQL schema, both delivering: the lease lets one of them send
 * a subscription's deliveries, so every record arrives once and in order; when that one shuts down, the
 * other takes over.
 */
class PostgresTwoProcessesTest {

    private final OffsetClock clock = new OffsetClock();
    private final PushSettings settings = PushSettings.DEFAULT.withAllowPrivateUrls(true).withPoll(Duration.ofMillis(30))
            .withRetry(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofHours(72));

    @Test
    void eachRecordIsDeliveredOnceInOrderAndTheSurvivorTakesOver() {
        String url = PostgresTestDatabase.freshSchemaUrl(getClass());
        String partner = "p-" + UUID.randomUUID();
        try (Receiver receiver = new Receiver();
             Services first = Services.over(SqlStorageFactory.open(null, url, clock), clock, settings);
             Services second = Services.over(SqlStorageFactory.open(null, url, clock), clock, settings)) {
            first.storage().partners().create(new Partner(partner, "P", null, Partner.ACTIVE, clock.instant()));
            var caller = new Caller.Bearer(new ApiToken("tok", partner, "t", Set.of(Scopes.APP_MANAGE), Instant.EPOCH, null, null, null));
            var created = first.subscriptions().create(caller, new NewSubscription(receiver.url(), null, null, null, 3, null));
            assertThat(created).isInstanceOf(AdminResult.Done.class);
            first.startDelivery();
            second.startDelivery();

            List<String> sent = new ArrayList<>();
            for (int batch = 0; batch < 20; batch++) {
                Services via = batch % 2 == 0 ? first : second;
                List<Cdr> records = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    records.add(TestRecords.carrierxSample().toBuilder().partnerSid(partner)
                            .callSid(String.format("c-%03d-%d", batch, i)).build());
                }
                via.storage().cdrs().insert(records);
                records.forEach(cdr -> sent.add(cdr.callSid()));
            }
            receiver.awaitAcknowledged(sent.size());
            first.close();

            for (int i = 0; i < 4; i++) {
                String sid = "after-close-" + i;
                second.storage().cdrs().insert(List.of(TestRecords.carrierxSample().toBuilder().partnerSid(partner).callSid(sid).build()));
                sent.add(sid);
            }
            // Counted by distinct call_sid: a re-sent delivery must not end the wait early.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!receiver.acknowledgedCallSids().containsAll(sent) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            // At least once: a delivery the closed process had in flight is sent again, with the same
            // delivery_sid, by the survivor; what counts is that every record arrives, in order of first arrival.
            assertThat(receiver.acknowledgedCallSids().stream().distinct().toList()).containsExactlyElementsOf(sent);
        }
    }
}
