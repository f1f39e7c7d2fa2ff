package io.confcdr.store.sql;

import io.confcdr.model.Partner;
import io.confcdr.store.PartnerStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record7;
import org.jooq.Table;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partners in SQL; a subtree is one recursive query. Callbacks are kept as a JSON object in text.
 * Subtrees are kept for {@link ExpiringCache#TIME_TO_LIVE} because every authenticated read asks for one;
 * any partner write of this store drops them all (partner writes are rare admin actions).
 */
public final class SqlPartnerStore implements PartnerStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> CALLBACKS = new TypeReference<>() {
    };

    private final SqlDatabase db;
    private final Table<Record> partner = DSL.table(DSL.name("partner"));
    private final Field<String> sid = DSL.field(DSL.name("sid"), SQLDataType.VARCHAR);
    private final Field<String> name = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private final Field<String> parentSid = DSL.field(DSL.name("parent_sid"), SQLDataType.VARCHAR);
    private final Field<String> status = DSL.field(DSL.name("status"), SQLDataType.VARCHAR);
    private final Field<String> callbacks = DSL.field(DSL.name("callbacks"), SQLDataType.VARCHAR);
    private final Field<Integer> retentionDays = DSL.field(DSL.name("cdr_retention_days"), SQLDataType.INTEGER);
    private final Field<Instant> dateCreated;
    private final Table<Record> cdrTable = DSL.table(DSL.name("cdr"));
    private final Field<String> cdrPartnerSid = DSL.field(DSL.name("partner_sid"), SQLDataType.VARCHAR);
    private final Table<Record> token = DSL.table(DSL.name("api_token"));
    private final Field<String> tokenPartnerSid = DSL.field(DSL.name("partner_sid"), SQLDataType.VARCHAR);
    private final Field<Instant> tokenRevoked;
    private final Field<Instant> tombstoneDate;
    private final ExpiringCache<String, Set<String>> subtrees;
    private final Runnable tokensRevoked;

    /** @param tokensRevoked told after a deletion revoked tokens, so that cached tokens are forgotten */
    public SqlPartnerStore(SqlDatabase db, Clock clock, Runnable tokensRevoked) {
        this.db = db;
        this.tokensRevoked = tokensRevoked;
        this.tokenRevoked = DSL.field(DSL.name("date_revoked"), db.dialect().instantType());
        this.tombstoneDate = DSL.field(DSL.name("date_deleted"), db.dialect().instantType());
        this.subtrees = new ExpiringCache<>(clock, ExpiringCache.TIME_TO_LIVE, ExpiringCache.MAX_ENTRIES);
        this.dateCreated = DSL.field(DSL.name("date_created"), db.dialect().instantType());
    }

    @Override
    public Creation create(Partner created) {
        try {
            return insert(created);
        } catch (IntegrityConstraintViolationException e) {
            // A concurrent create of the same sid (or removal of the parent) won the race.
            return find(created.sid()).isPresent() ? new Creation.SidTaken() : new Creation.ParentMissing();
        } finally {
            subtrees.invalidateAll();
        }
    }

    private Creation insert(Partner created) {
        return db.write(tx -> {
            if (tx.fetchExists(partner, sid.eq(created.sid()))) {
                return new Creation.SidTaken();
            }
            if (created.parentSid() != null && !tx.fetchExists(partner, sid.eq(created.parentSid()))) {
                return new Creation.ParentMissing();
            }
            tx.insertInto(partner, sid, name, parentSid, status, dateCreated, callbacks, retentionDays)
                    .values(created.sid(), created.name(), created.parentSid(), created.status(), created.dateCreated(),
                            callbacksText(created.callbacks()), created.cdrRetentionDays())
                    .execute();
            tx.deleteFrom(PartnerTombstones.TABLE).where(PartnerTombstones.SID.eq(created.sid())).execute();
            return new Creation.Created(created);
        });
    }

    @Override
    public List<Partner> all() {
        return db.read(dsl -> dsl.select(sid, name, parentSid, status, dateCreated, callbacks, retentionDays)
                .from(partner)
                .orderBy(sid)
                .fetch(this::toPartner));
    }

    @Override
    public Set<String> allSids() {
        return Set.copyOf(db.read(dsl -> dsl.select(sid).from(partner).fetch(sid)));
    }

    @Override
    public Optional<Partner> find(String wanted) {
        return db.read(dsl -> dsl.select(sid, name, parentSid, status, dateCreated, callbacks, retentionDays)
                .from(partner)
                .where(sid.eq(wanted))
                .fetchOptional(this::toPartner));
    }

    @Override
    public Set<String> subtree(String root) {
        // Immutable, so that Visibility takes it as it is rather than copying it on every request.
        return subtrees.get(root, key -> Set.copyOf(db.read(dsl -> subtree(dsl, key))), found -> true);
    }

    private Set<String> subtree(DSLContext dsl, String root) {
        Table<Record> tree = DSL.table(DSL.name("tree"));
        Field<String> treeSid = DSL.field(DSL.name("tree", "sid"), SQLDataType.VARCHAR);
        CommonTableExpression<Record1<String>> cte = DSL.name("tree").fields("sid").as(
                DSL.select(sid).from(partner).where(sid.eq(root))
                        .unionAll(DSL.select(DSL.field(DSL.name("partner", "sid"), SQLDataType.VARCHAR))
                                .from(partner)
                                .join(tree).on(DSL.field(DSL.name("partner", "parent_sid"), SQLDataType.VARCHAR).eq(treeSid))));
        return new LinkedHashSet<>(dsl.withRecursive(cte).select(treeSid).from(tree).fetch(treeSid));
    }

    @Override
    public List<Partner> children(String parent) {
        return db.read(dsl -> dsl.select(sid, name, parentSid, status, dateCreated, callbacks, retentionDays)
                .from(partner)
                .where(parentSid.eq(parent))
                .orderBy(sid)
                .fetch(this::toPartner));
    }

    @Override
    public List<Partner> listSubtree(String root) {
        return db.read(dsl -> {
            Set<String> sids = subtree(dsl, root);
            return dsl.select(sid, name, parentSid, status, dateCreated, callbacks, retentionDays)
                    .from(partner)
                    .where(sid.in(sids))
                    .orderBy(sid)
                    .fetch(this::toPartner);
        });
    }

    @Override
    public Update update(Partner changed) {
        try {
            return move(changed);
        } finally {
            subtrees.invalidateAll();
        }
    }

    private Update move(Partner changed) {
        return db.write(tx -> {
            lockTreeForMove(tx);
            Partner existing = tx.select(sid, name, parentSid, status, dateCreated, callbacks, retentionDays).from(partner)
                    .where(sid.eq(changed.sid())).fetchOptional(this::toPartner).orElse(null);
            if (existing == null) {
                return new Update.NotFound();
            }
            if (changed.parentSid() != null) {
                if (!tx.fetchExists(partner, sid.eq(changed.parentSid()))) {
                    return new Update.ParentMissing();
                }
                if (subtree(tx, changed.sid()).contains(changed.parentSid())) {
                    return new Update.WouldCycle();
                }
            }
            tx.update(partner)
                    .set(name, changed.name())
                    .set(parentSid, changed.parentSid())
                    .set(status, changed.status())
                    .set(callbacks, callbacksText(changed.callbacks()))
                    .set(retentionDays, changed.cdrRetentionDays())
                    .where(sid.eq(changed.sid()))
                    .execute();
            if (!java.util.Objects.equals(existing.parentSid(), changed.parentSid())) {
                markMovedSummaries(tx, existing.parentSid(), changed);
            }
            return new Update.Updated(new Partner(existing.sid(), changed.name(), changed.parentSid(), changed.status(),
                    existing.dateCreated(), changed.callbacks(), changed.cdrRetentionDays()));
        });
    }

    /**
     * The subtrees above the old parent lose the moved partner's records and those above the new one gain
     * them, which changes their summaries wherever their records are (peaks and meetings mix partners).
     */
    private void markMovedSummaries(DSLContext tx, String oldParent, Partner moved) {
        Set<String> movedSubtree = subtree(tx, moved.sid());
        if (oldParent != null) {
            Set<String> before = new java.util.HashSet<>(subtree(tx, oldParent));
            before.addAll(movedSubtree);
            SummaryMarks.subtreeChanged(tx, db.dialect(), oldParent, before);
        }
        if (moved.parentSid() != null) {
            SummaryMarks.subtreeChanged(tx, db.dialect(), moved.parentSid(), subtree(tx, moved.parentSid()));
        }
    }

    @Override
    public Deletion delete(String wanted, Instant when) {
        try {
            return remove(wanted, when);
        } finally {
            subtrees.invalidateAll();
            tokensRevoked.run();
        }
    }

    private Deletion remove(String wanted, Instant when) {
        return db.write(tx -> {
            // Serialised with CDR inserts, which re-check their partners under the same lock: no record can
            // be stored for this partner between the check below and the commit.
            db.dialect().serialiseCdrInsert(tx);
            if (!tx.fetchExists(partner, sid.eq(wanted))) {
                return Deletion.NOT_FOUND;
            }
            if (tx.fetchExists(partner, parentSid.eq(wanted))) {
                return Deletion.HAS_CHILDREN;
            }
            if (tx.fetchExists(cdrTable, cdrPartnerSid.eq(wanted))) {
                return Deletion.HAS_RECORDS;
            }
            tx.deleteFrom(partner).where(sid.eq(wanted)).execute();
            tx.deleteFrom(PartnerTombstones.TABLE).where(PartnerTombstones.SID.eq(wanted)).execute();
            tx.insertInto(PartnerTombstones.TABLE, PartnerTombstones.SID, tombstoneDate).values(wanted, when).execute();
            tx.update(token).set(tokenRevoked, when)
                    .where(tokenPartnerSid.eq(wanted).and(tokenRevoked.isNull()))
                    .execute();
            return Deletion.DELETED;
        });
    }

    /**
     * Two concurrent moves (A under B, B under A) would each pass the cycle check on the tree as it was,
     * so partner writes are serialised as the dialect does it. Partner writes are rare admin actions.
     */
    private void lockTreeForMove(DSLContext tx) {
        db.dialect().lockPartnerTree(tx);
    }

    private static String callbacksText(Map<String, String> value) {
        return value.isEmpty() ? null : JSON.writeValueAsString(value);
    }

    private Partner toPartner(Record7<String, String, String, String, Instant, String, Integer> row) {
        Map<String, String> parsed = row.value6() == null ? Map.of() : JSON.readValue(row.value6(), CALLBACKS);
        return new Partner(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(), parsed, row.value7());
    }
}
