package io.confcdr.auth;

import io.confcdr.model.ApiToken;
import io.confcdr.query.Visibility;
import io.confcdr.store.PartnerStore;

/**
 * Who asks a use case to act: a bearer token presented over HTTP, confined to its partner's subtree and
 * its scopes, or the operator at the machine running a local command, who may act on every partner.
 * Every use case takes one, so the rules of who may do what live with the use case, not in an adapter.
 */
public sealed interface Caller permits Caller.Bearer, Caller.Operator {

    /** The operator of this installation: the local CLI with direct access to the store. */
    static Caller operator() {
        return Operator.INSTANCE;
    }

    /** Whether the caller holds {@code scope}; the operator holds every scope. */
    boolean hasScope(String scope);

    /**
     * Whether {@code partnerSid} is a partner this caller manages: for a token its own partner or a
     * descendant; for the operator any existing partner. Unknown sids are simply not managed.
     */
    boolean manages(String partnerSid, PartnerStore partners);

    /** The records this caller may read: see {@link Bearer#readVisibility}. */
    Visibility readVisibility(PartnerStore partners);

    /** @throws ForbiddenException unless the caller holds at least one of {@code scopes} */
    default void requireAnyScope(String... scopes) {
        for (String scope : scopes) {
            if (hasScope(scope)) {
                return;
            }
        }
        throw new ForbiddenException("this token needs the scope " + String.join(" or ", scopes));
    }

    /** A caller authenticated by a bearer token. */
    record Bearer(ApiToken token) implements Caller {

        /** The partner the token belongs to. */
        public String partnerSid() {
            return token.partnerSid();
        }

        @Override
        public boolean hasScope(String scope) {
            return token.hasScope(scope);
        }

        @Override
        public boolean manages(String partnerSid, PartnerStore partners) {
            return partnerSid != null && partners.subtree(token.partnerSid()).contains(partnerSid);
        }

        /** The token's own partner; with {@code app.read_descendant}, its whole subtree. */
        @Override
        public Visibility readVisibility(PartnerStore partners) {
            if (token.hasScope(Scopes.APP_READ_DESCENDANT)) {
                return new Visibility(partners.subtree(token.partnerSid()));
            }
            return Visibility.of(token.partnerSid());
        }
    }

    /** The operator: every scope, every partner. */
    record Operator() implements Caller {

        private static final Operator INSTANCE = new Operator();

        @Override
        public boolean hasScope(String scope) {
            return true;
        }

        @Override
        public boolean manages(String partnerSid, PartnerStore partners) {
            return partnerSid != null && partners.find(partnerSid).isPresent();
        }

        @Override
        public Visibility readVisibility(PartnerStore partners) {
            return new Visibility(partners.allSids());
        }
    }
}
