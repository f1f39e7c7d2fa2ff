package io.confcdr.store.sql;

import io.confcdr.model.ApiToken;
import io.confcdr.store.TokenStore;
import java.time.Instant;
import java.util.Arrays;
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
 */
public final class SqlTokenStore implements TokenStore {

    private final SqlDatabase db;
    private final TokenUsageRecorder usage;
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

    public SqlTokenStore(SqlDatabase db) {
        this.db = db;
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
    }

    @Override
    public Optional<ApiToken> findByHash(byte[] hash) {
        return db.read(dsl -> dsl.select(columns()).from(token).where(secretHash.eq(hash)).fetchOptional(this::toToken));
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
        return db.write(tx -> tx.update(token).set(dateRevoked, when).where(id.eq(tokenId)).execute()) > 0;
    }

    @Override
    public void touch(String tokenId, Instant when) {
        usage.record(tokenId, when);
    }

    private void writeLastUsed(String tokenId, Instant when) {
        db.write(tx -> tx.update(token).set(dateLastUsed, when)
                .where(id.eq(tokenId).and(dateLastUsed.isNull().or(dateLastUsed.lt(when))))
                .execute());
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
