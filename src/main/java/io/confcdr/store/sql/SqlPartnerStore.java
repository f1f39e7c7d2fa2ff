package io.confcdr.store.sql;

import io.confcdr.model.Partner;
import io.confcdr.store.PartnerStore;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.CommonTableExpression;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record5;
import org.jooq.Table;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Partners in SQL; a subtree is one recursive query. */
public final class SqlPartnerStore implements PartnerStore {

    private final SqlDatabase db;
    private final Table<Record> partner = DSL.table(DSL.name("partner"));
    private final Field<String> sid = DSL.field(DSL.name("sid"), SQLDataType.VARCHAR);
    private final Field<String> name = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private final Field<String> parentSid = DSL.field(DSL.name("parent_sid"), SQLDataType.VARCHAR);
    private final Field<String> status = DSL.field(DSL.name("status"), SQLDataType.VARCHAR);
    private final Field<Instant> dateCreated;

    public SqlPartnerStore(SqlDatabase db) {
        this.db = db;
        this.dateCreated = DSL.field(DSL.name("date_created"), db.dialect().instantType());
    }

    @Override
    public Partner create(Partner created) {
        try {
            return insert(created);
        } catch (IntegrityConstraintViolationException e) {
            // A concurrent create of the same sid (or removal of the parent) won the race.
            throw new IllegalArgumentException("partner " + created.sid() + " exists or its parent does not");
        }
    }

    private Partner insert(Partner created) {
        return db.write(tx -> {
            if (tx.fetchExists(partner, sid.eq(created.sid()))) {
                throw new IllegalArgumentException("partner " + created.sid() + " exists");
            }
            if (created.parentSid() != null && !tx.fetchExists(partner, sid.eq(created.parentSid()))) {
                throw new IllegalArgumentException("parent partner " + created.parentSid() + " does not exist");
            }
            tx.insertInto(partner, sid, name, parentSid, status, dateCreated)
                    .values(created.sid(), created.name(), created.parentSid(), created.status(), created.dateCreated())
                    .execute();
            return created;
        });
    }

    @Override
    public Optional<Partner> find(String wanted) {
        return db.read(dsl -> dsl.select(sid, name, parentSid, status, dateCreated)
                .from(partner)
                .where(sid.eq(wanted))
                .fetchOptional(this::toPartner));
    }

    @Override
    public Set<String> subtree(String root) {
        Table<Record> tree = DSL.table(DSL.name("tree"));
        Field<String> treeSid = DSL.field(DSL.name("tree", "sid"), SQLDataType.VARCHAR);
        CommonTableExpression<Record1<String>> cte = DSL.name("tree").fields("sid").as(
                DSL.select(sid).from(partner).where(sid.eq(root))
                        .unionAll(DSL.select(DSL.field(DSL.name("partner", "sid"), SQLDataType.VARCHAR))
                                .from(partner)
                                .join(tree).on(DSL.field(DSL.name("partner", "parent_sid"), SQLDataType.VARCHAR).eq(treeSid))));
        return db.read(dsl -> new LinkedHashSet<>(dsl.withRecursive(cte).select(treeSid).from(tree).fetch(treeSid)));
    }

    @Override
    public List<Partner> children(String parent) {
        return db.read(dsl -> dsl.select(sid, name, parentSid, status, dateCreated)
                .from(partner)
                .where(parentSid.eq(parent))
                .orderBy(sid)
                .fetch(this::toPartner));
    }

    private Partner toPartner(Record5<String, String, String, String, Instant> row) {
        return new Partner(row.value1(), row.value2(), row.value3(), row.value4(), row.value5());
    }
}
