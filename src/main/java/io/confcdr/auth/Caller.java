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

    /** The partner the token belongs to. */
    public String partnerSid() {
        return token.partnerSid();
    }

    /**
     * Whether {@code partnerSid} lies in the caller's subtree (its own partner or a descendant): the only
     * partners whose objects the admin routes let it see or change. Unknown sids are simply not managed.
     */
    public boolean manages(String partnerSid, PartnerStore partners) {
        return partnerSid != null && partners.subtree(token.partnerSid()).contains(partnerSid);
    }

    /** The caller's own partner; with {@code app.read_descendant}, its whole subtree. */
    public Visibility readVisibility(PartnerStore partners) {
        if (token.hasScope(Scopes.APP_READ_DESCENDANT)) {
            return new Visibility(partners.subtree(token.partnerSid()));
        }
        return Visibility.of(token.partnerSid());
    }
}
