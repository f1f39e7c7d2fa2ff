package io.confcdr.admin;

import io.confcdr.admin.AdminResult.Forbidden;
import io.confcdr.admin.AdminResult.Invalid;
import io.confcdr.admin.AdminResult.NotFound;
import io.confcdr.auth.Caller;
import io.confcdr.auth.IssuedToken;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.model.ApiToken;
import io.confcdr.model.StorableText;
import io.confcdr.model.Timestamps;
import io.confcdr.store.PartnerStore;
import io.confcdr.store.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Issuing, listing and revoking bearer tokens, for a token with {@code oauth.manage} within its own subtree,
 * or for the operator anywhere. A token never grants more than it holds: the new token's scopes must be a
 * subset of the caller's. Tokens outside the caller's subtree answer as if they did not exist.
 */
public final class TokenAdmin {

    static final int MAX_NAME = 256;

    private final TokenStore tokens;
    private final PartnerStore partners;
    private final TokenIssuer issuer;
    private final Clock clock;

    public TokenAdmin(TokenStore tokens, PartnerStore partners, TokenIssuer issuer, Clock clock) {
        this.tokens = tokens;
        this.partners = partners;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** @param partnerSid the partner the token is for; null for the caller's own (a token caller only) */
    /**
     * Whether {@code caller} may use this at all, decided before its command is read.
     *
     * @throws io.confcdr.auth.ForbiddenException without {@code oauth.manage}
     */
    public void requireMayManage(Caller caller) {
        caller.requireAnyScope(Scopes.OAUTH_MANAGE);
    }

    public AdminResult<IssuedToken> issue(Caller caller, String partnerSid, NewToken command) {
        requireMayManage(caller);
        String owner = partnerSid;
        if (owner == null && caller instanceof Caller.Bearer bearer) {
            owner = bearer.partnerSid();
        } else if (!caller.manages(owner, partners)) {
            return new NotFound<>("partner_sid");
        }
        if (command.name() != null && command.name().length() > MAX_NAME) {
            return new Invalid<>("name", "must be at most " + MAX_NAME + " characters");
        }
        String nameProblem = command.name() == null ? null : StorableText.problem(command.name());
        if (nameProblem != null) {
            return new Invalid<>("name", nameProblem);
        }
        if (command.scopes() == null || command.scopes().isEmpty()) {
            return new Invalid<>("scopes", "must be a non-empty array of scope names");
        }
        for (String scope : new TreeSet<>(command.scopes())) {
            if (!Scopes.ALL.contains(scope)) {
                return new Invalid<>("scopes", "unknown scope '" + scope + "'; known scopes are "
                        + String.join(", ", new TreeSet<>(Scopes.ALL)));
            }
        }
        for (String scope : command.scopes()) {
            if (!caller.hasScope(scope)) {
                return new Forbidden<>("a token cannot grant the scope " + scope + ", which it does not hold");
            }
        }
        Instant now = clock.instant();
        if (command.expires() != null && !command.expires().isAfter(now)) {
            return new Invalid<>("expires", "is in the past");
        }
        return AdminResult.done(issuer.issue(owner, command.name(), command.scopes(), command.expires()));
    }

    /** The partner a token would be issued for, if the caller manages it. */
    public AdminResult<String> requirePartner(Caller caller, String partnerSid) {
        requireMayManage(caller);
        return caller.manages(partnerSid, partners) ? AdminResult.done(partnerSid) : new NotFound<>("partner_sid");
    }

    /** The tokens of the caller's subtree, oldest first. */
    public List<ApiToken> list(Caller caller) {
        requireMayManage(caller);
        return tokens.listForPartners(managedPartners(caller));
    }

    public AdminResult<ApiToken> get(Caller caller, String tokenSid) {
        requireMayManage(caller);
        return managed(caller, tokenSid).<AdminResult<ApiToken>>map(AdminResult::done)
                .orElseGet(() -> new NotFound<>("token_sid"));
    }

    /** Revokes the token; revoking a revoked token again changes nothing and succeeds alike. */
    public AdminResult<ApiToken> revoke(Caller caller, String tokenSid) {
        requireMayManage(caller);
        Optional<ApiToken> token = managed(caller, tokenSid);
        if (token.isEmpty()) {
            return new NotFound<>("token_sid");
        }
        if (token.get().dateRevoked() == null) {
            tokens.revoke(tokenSid, Timestamps.truncate(clock.instant()));
        }
        return AdminResult.done(tokens.findById(tokenSid).orElse(token.get()));
    }

    /**
     * The token if it belongs to the caller's subtree. A missing token and one outside the subtree cost the
     * same two queries and answer alike.
     */
    private Optional<ApiToken> managed(Caller caller, String tokenSid) {
        Set<String> managed = managedPartners(caller);
        return tokens.findById(tokenSid).filter(token -> managed.contains(token.partnerSid()));
    }

    private Set<String> managedPartners(Caller caller) {
        return switch (caller) {
            case Caller.Bearer bearer -> partners.subtree(bearer.partnerSid());
            case Caller.Operator operator -> partners.allSids();
        };
    }
}
