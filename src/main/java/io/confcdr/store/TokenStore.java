package io.confcdr.store;

import io.confcdr.model.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface TokenStore {

    /** Keeps the token's metadata and the hash of its secret (never the secret). */
    void create(ApiToken token, byte[] secretHash);

    Optional<ApiToken> findByHash(byte[] secretHash);

    Optional<ApiToken> findById(String tokenId);

    List<ApiToken> listForPartner(String partnerSid);

    /** The tokens of all these partners, oldest first (then by id). */
    List<ApiToken> listForPartners(Set<String> partnerSids);

    /** @return false when no such token exists */
    boolean revoke(String tokenId, Instant when);

    /** Records use; may be deferred or coalesced so that it never slows a read. */
    void touch(String tokenId, Instant when);
}
