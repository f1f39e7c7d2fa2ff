package io.confcdr.store.memory;

import io.confcdr.model.ApiToken;
import io.confcdr.store.TokenStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

final class MemoryTokenStore implements TokenStore {

    private final Map<String, ApiToken> byId = new LinkedHashMap<>();
    private final Map<ByteBuffer, String> idByHash = new HashMap<>();

    @Override
    public synchronized void create(ApiToken token, byte[] secretHash) {
        byId.put(token.id(), token);
        idByHash.put(ByteBuffer.wrap(secretHash.clone()), token.id());
    }

    @Override
    public synchronized Optional<ApiToken> findByHash(byte[] secretHash) {
        return Optional.ofNullable(idByHash.get(ByteBuffer.wrap(secretHash))).map(byId::get);
    }

    @Override
    public synchronized Optional<ApiToken> findById(String tokenId) {
        return Optional.ofNullable(byId.get(tokenId));
    }

    @Override
    public synchronized List<ApiToken> listForPartner(String partnerSid) {
        return byId.values().stream().filter(t -> t.partnerSid().equals(partnerSid)).toList();
    }

    @Override
    public synchronized List<ApiToken> listForPartners(Set<String> partnerSids) {
        return byId.values().stream().filter(t -> partnerSids.contains(t.partnerSid()))
                .sorted(Comparator.comparing(ApiToken::dateCreated, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ApiToken::id))
                .toList();
    }

    @Override
    public synchronized boolean revoke(String tokenId, Instant when) {
        ApiToken token = byId.get(tokenId);
        if (token == null) {
            return false;
        }
        byId.put(tokenId, new ApiToken(token.id(), token.partnerSid(), token.name(), token.scopes(),
                token.dateCreated(), token.dateExpires(), when, token.dateLastUsed()));
        return true;
    }

    /** Revokes every token of the partner not revoked yet. */
    synchronized void revokeAllOf(String partnerSid, Instant when) {
        for (ApiToken token : listForPartner(partnerSid)) {
            if (token.dateRevoked() == null) {
                revoke(token.id(), when);
            }
        }
    }

    @Override
    public synchronized void touch(String tokenId, Instant when) {
        byId.computeIfPresent(tokenId, (id, t) -> new ApiToken(t.id(), t.partnerSid(), t.name(), t.scopes(),
                t.dateCreated(), t.dateExpires(), t.dateRevoked(), when));
    }
}
