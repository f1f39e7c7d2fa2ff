package io.confcdr.api;

import io.confcdr.model.Timestamps;
import io.confcdr.push.SubscriptionView;
import io.confcdr.store.DeliveryAttempt;
import io.confcdr.store.Subscription;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;

/**
 * A subscription and a delivery attempt as JSON, keys in alphabetical order. The secret is written only
 * when the view carries it (the answers that create or rotate it).
 */
final class SubscriptionJson {

    private SubscriptionJson() {
    }

    static void write(JsonGenerator out, SubscriptionView view) {
        Subscription s = view.subscription();
        out.writeStartObject();
        out.writeStringProperty("date_created", date(s.dateCreated()));
        out.writeStringProperty("exclude_fields", s.excludeFields());
        out.writeStringProperty("filter", s.filter());
        out.writeStringProperty("include_fields", s.includeFields());
        out.writeNumberProperty("lag_records", view.backlog().records());
        out.writeNumberProperty("max_batch", s.maxBatch());
        out.writeStringProperty("oldest_undelivered_date_insert", date(view.backlog().oldestDateInsert()));
        out.writeStringProperty("partner_sid", s.partnerSid());
        if (view.secret() != null) {
            out.writeStringProperty("secret", view.secret());
        }
        out.writeStringProperty("status", s.status());
        out.writeStringProperty("subscription_sid", s.sid());
        out.writeStringProperty("url", s.url());
        out.writeEndObject();
    }

    static void write(JsonGenerator out, DeliveryAttempt attempt) {
        out.writeStartObject();
        out.writeBooleanProperty("acknowledged", attempt.acknowledged());
        out.writeNumberProperty("attempt", attempt.attempt());
        out.writeNumberProperty("count", attempt.count());
        out.writeStringProperty("date", date(attempt.date()));
        out.writeStringProperty("delivery_sid", attempt.deliverySid());
        out.writeStringProperty("error", attempt.error());
        out.writeStringProperty("first_call_sid", attempt.firstCallSid());
        out.writeStringProperty("last_call_sid", attempt.lastCallSid());
        out.writeNumberProperty("latency_ms", attempt.latencyMillis());
        if (attempt.statusCode() == null) {
            out.writeNullProperty("status_code");
        } else {
            out.writeNumberProperty("status_code", attempt.statusCode());
        }
        out.writeEndObject();
    }

    private static String date(Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }
}
