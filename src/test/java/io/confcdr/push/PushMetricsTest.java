package io.confcdr.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.push.Receiver.Answer;
import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The push meters on /metrics: how far behind each subscription is, and how deliveries went. */
class PushMetricsTest extends AbstractPushApiTest {

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }

    private double meter(String line) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(line) + " (\\S+)$").matcher(services.metrics().scrape());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    @Test
    void lagAndOldestUndeliveredAgeShowWhileTheReceiverFailsAndClearWhenItRecovers() {
        for (int i = 0; i < 1000; i++) {
            receiver.answerNext(new Answer.Status(500));
        }
        String sid = subscribe(acmeManager, "").get("subscription_sid").stringValue();
        ingest(ACME, 3);
        String lag = "confcdr_push_lag_records{subscription_sid=\"" + sid + "\"}";
        String age = "confcdr_push_oldest_undelivered_age_seconds{subscription_sid=\"" + sid + "\"}";

        receiver.await("lag 3 on /metrics", () -> meter(lag) == 3.0);
        assertThat(meter(age)).isGreaterThanOrEqualTo(0.0);
        receiver.await("a rejected delivery counted", () -> meter("confcdr_push_deliveries_total{outcome=\"rejected\"}") >= 1);

        receiver.clearScript();
        receiver.await("lag 0 on /metrics", () -> meter(lag) == 0.0);
        assertThat(meter(age)).isEqualTo(0.0);
        assertThat(meter("confcdr_push_deliveries_total{outcome=\"acknowledged\"}")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void eachPartOfADeliveryIsTimed() {
        subscribe(acmeManager, "");
        ingest(ACME, 1);
        receiver.awaitAcknowledged(1);
        receiver.await("the acknowledgement timed", () -> meter("confcdr_push_delivery_phase_seconds_count{phase=\"acknowledge\"}") >= 1);
        for (String phase : java.util.List.of("find", "visibility", "read", "in_flight", "body", "post")) {
            assertThat(meter("confcdr_push_delivery_phase_seconds_count{phase=\"" + phase + "\"}")).as(phase).isGreaterThanOrEqualTo(1.0);
        }
    }
}
