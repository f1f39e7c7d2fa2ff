package io.confcdr.auth;

import io.confcdr.model.ApiToken;
import io.confcdr.query.Visibility;
import io.confcdr.store.PartnerStore;

/** Who is calling: an authenticated token, and what it may do. */
public record Caller(ApiToken token) {

    /** @throws ForbiddenException unless the token carries at least one of {@code scopes} */
    public void requireAnyScope(String... scopes) {
        for (String scope : scopes) {
            if (token.hasScope(scope)) {
                return;
            }
        }
        throw new ForbiddenException("this token needs the scope " + String.join(" or ", scopes));
    }

    /** The caller's own partner; with {@code app.read_descendant}, its whole subtree. */
    public Visibility readVisibility(PartnerStore partners) {
        if (token.hasScope(Scopes.APP_READ_DESCENDANT)) {
            return new Visibility(partners.subtree(token.partnerSid()));
        }
        return Visibility.of(token.partnerSid());
    }
}
