package io.confcdr.model;

import java.time.Instant;
import java.util.Set;

/**
 * A bearer token's metadata. The secret itself is never kept: stores hold only its hash. {@code id} is
 * a public identifier safe to log and to show in listings.
 */
public record ApiToken(
        String id,
        String partnerSid,
        String name,
        Set<String> scopes,
        Instant dateCreated,
        Instant dateExpires,
        Instant dateRevoked,
        Instant dateLastUsed) {

    public ApiToken {
        scopes = Set.copyOf(scopes);
    }

    public boolean isUsableAt(Instant now) {
        return dateRevoked == null && (dateExpires == null || now.isBefore(dateExpires));
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
