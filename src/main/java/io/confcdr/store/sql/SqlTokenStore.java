package io.confcdr.store.sql;

import io.confcdr.model.ApiToken;
import io.confcdr.store.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * API tokens in SQL, found by the hash of their secret. Scopes are stored as one space-separated text.
 * {@link #touch} goes through a {@link TokenUsageRecorder} so that authenticating never waits on a write.
 * Tokens found by hash are kept for {@link ExpiringCache#TIME_TO_LIVE} (found ones only, so a token
 * just created is never refused); every write of this store drops them, so revocation takes effect at
 * once in this process and within the time to live in others sharing the database.
 */
public final class SqlTokenStore implements TokenStore {

    private final SqlDatabase db;
    private final TokenUsageRecorder usage;
    private final ExpiringCache<String, Optional<ApiToken>> byHash;
    private final Table<Record> token = DSL.table(DSL.name("api_token"));
    private final Field<String> id = DSL.field(DSL.name("id"), SQLDataType.VARCHAR);
    private final Field<String> partnerSid = DSL.field(DSL.name("partner_sid"), SQLDataType.VARCHAR);
    private final Field<String> name = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private final Field<String> scopes = DSL.field(DSL.name("scopes"), SQLDataType.VARCHAR);
    private final Field<byte[]> secretHash = DSL.field(DSL.name("secret_hash"), SQLDataType.VARBINARY);
    private final Field<Instant> dateCreated;
    private final Field<Instant> dateExpires;
    private final Field<Instant> dateRevoked;
    private final Field<Instant> dateLastUsed;

    public SqlTokenStore(SqlDatabase db, Clock clock) {
        this.db = db;
        this.byHash = new ExpiringCache<>(clock, ExpiringCache.TIME_TO_LIVE, ExpiringCache.MAX_ENTRIES);
        this.dateCreated = dateField(db, "date_created");
        this.dateExpires = dateField(db, "date_expires");
        this.dateRevoked = dateField(db, "date_revoked");
        this.dateLastUsed = dateField(db, "date_last_used");
        this.usage = new TokenUsageRecorder(this::writeLastUsed);
    }

    private static Field<Instant> dateField(SqlDatabase db, String column) {
        return DSL.field(DSL.name(column), db.dialect().instantType());
    }

    @Override
    public void create(ApiToken created, byte[] hash) {
        db.write(tx -> tx.insertInto(token, id, partnerSid, name, scopes, secretHash, dateCreated, dateExpires,
                        dateRevoked, dateLastUsed)
                .values(created.id(), created.partnerSid(), created.name(), String.join(" ", new TreeSet<>(created.scopes())),
                        hash.clone(), created.dateCreated(), created.dateExpires(), created.dateRevoked(),
                        created.dateLastUsed())
                .execute());
        byHash.invalidateAll();
    }

    @Override
    public Optional<ApiToken> findByHash(byte[] hash) {
        return byHash.get(HexFormat.of().formatHex(hash), key -> db.read(dsl -> dsl.select(columns()).from(token)
                .where(secretHash.eq(hash)).fetchOptional(this::toToken)), Optional::isPresent);
    }

    @Override
    public Optional<ApiToken> findById(String tokenId) {
        return db.read(dsl -> dsl.select(columns()).from(token).where(id.eq(tokenId)).fetchOptional(this::toToken));
    }

    @Override
    public List<ApiToken> listForPartner(String partner) {
        return db.read(dsl -> dsl.select(columns()).from(token).where(partnerSid.eq(partner))
                .orderBy(dateCreated, id).fetch(this::toToken));
    }

    @Override
    public List<ApiToken> listForPartners(Set<String> partners) {
        return db.read(dsl -> dsl.select(columns()).from(token).where(partnerSid.in(partners))
                .orderBy(dateCreated.asc().nullsFirst(), id).fetch(this::toToken));
    }

    @Override
    public boolean revoke(String tokenId, Instant when) {
        try {
            return db.write(tx -> tx.update(token).set(dateRevoked, when).where(id.eq(tokenId)).execute()) > 0;
        } finally {
            byHash.invalidate(cached -> cached.map(found -> found.id().equals(tokenId)).orElse(false));
        }
    }

    @Override
    public void touch(String tokenId, Instant when) {
        usage.record(tokenId, when);
    }

    private void writeLastUsed(String tokenId, Instant when) {
        db.write(tx -> tx.update(token).set(dateLastUsed, when)
                .where(id.eq(tokenId).and(dateLastUsed.isNull().or(dateLastUsed.lt(when))))
                .execute());
        // At most once a minute per token: lets the cached copy show the last use this process recorded.
        byHash.invalidate(cached -> cached.map(found -> found.id().equals(tokenId)).orElse(false));
    }

    /** Forgets every token looked up, after tokens were revoked elsewhere in this store (a partner deletion). */
    void forgetCachedTokens() {
        byHash.invalidateAll();
    }

    /** Stops recording usage; pending writes are finished first. */
    void close() {
        usage.close();
    }

    private List<Field<?>> columns() {
        return List.of(id, partnerSid, name, scopes, dateCreated, dateExpires, dateRevoked, dateLastUsed);
    }

    private ApiToken toToken(Record row) {
        String scopeText = row.get(scopes);
        Set<String> scopeSet = scopeText.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopeText.split(" ")));
        return new ApiToken(row.get(id), row.get(partnerSid), row.get(name), scopeSet, row.get(dateCreated),
                row.get(dateExpires), row.get(dateRevoked), row.get(dateLastUsed));
    }
}
