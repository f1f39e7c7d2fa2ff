package io.confcdr.store;

import io.confcdr.model.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface TokenStore {

    /** Keeps the token's metadata and the hash of its secret (never the secret). */
    void create(ApiToken token, byte[] secretHash);

    Optional<ApiToken> findByHash(byte[] secretHash);

    Optional<ApiToken> findById(String tokenId);

    List<ApiToken> listForPartner(String partnerSid);

    /** @return false when no such token exists */
    boolean revoke(String tokenId, Instant when);

    /** Records use; may be deferred or coalesced so that it never slows a read. */
    void touch(String tokenId, Instant when);
}
