package io.confcdr.api;

import io.confcdr.model.ApiToken;
import io.confcdr.model.Timestamps;
import java.time.Instant;
import java.util.TreeSet;
import tools.jackson.core.JsonGenerator;

/**
 * CarrierX's OAuth token object, the attributes that apply to confcdr, keys in alphabetical order.
 * {@code access_token} (the secret) is written only in the response that creates the token.
 */
final class TokenJson {

    private TokenJson() {
    }

    static void write(JsonGenerator out, ApiToken token) {
        write(out, token, null);
    }

    /** @param secret the new token's secret, or null for every response but the creating one */
    static void write(JsonGenerator out, ApiToken token, String secret) {
        out.writeStartObject();
        if (secret != null) {
            out.writeStringProperty("access_token", secret);
        }
        out.writeStringProperty("date_created", date(token.dateCreated()));
        out.writeStringProperty("date_expiration_access_token", date(token.dateExpires()));
        out.writeStringProperty("date_last_accessed", date(token.dateLastUsed()));
        out.writeStringProperty("date_revoked", date(token.dateRevoked()));
        out.writeStringProperty("name", token.name());
        out.writeStringProperty("partner_sid", token.partnerSid());
        out.writeArrayPropertyStart("scopes");
        for (String scope : new TreeSet<>(token.scopes())) {
            out.writeString(scope);
        }
        out.writeEndArray();
        out.writeStringProperty("token_sid", token.id());
        out.writeStringProperty("token_type", "bearer");
        out.writeEndObject();
    }

    private static String date(Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }
}
