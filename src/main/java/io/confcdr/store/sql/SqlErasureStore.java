package io.confcdr.store.sql;

import io.confcdr.model.CdrField;
import io.confcdr.model.Erasure;
import io.confcdr.model.ErasureMode;
import io.confcdr.query.Visibility;
import io.confcdr.store.ErasureStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Erasures in SQL. Matching is bound parameters only: equality on the numbers and {@code position} (SQLite
 * {@code instr}, PostgreSQL {@code position … in …}) on the addresses, so {@code %}, {@code _} or any other
 * character of the number stands for itself, as no {@code like} pattern would.
 */
final class SqlErasureStore implements ErasureStore {

    private static final Table<Record> ERASURE = DSL.table(DSL.name("erasure"));
    private static final Field<String> SID = DSL.field(DSL.name("sid"), SQLDataType.VARCHAR);
    private static final Field<String> MODE = DSL.field(DSL.name("mode"), SQLDataType.VARCHAR);
    private static final Field<String> NUMBER_SHA256 = DSL.field(DSL.name("number_sha256"), SQLDataType.VARCHAR);
    private static final Field<Long> RECORDS = DSL.field(DSL.name("records"), SQLDataType.BIGINT);
    private static final Field<String> PARTNER_SID = DSL.field(DSL.name("partner_sid"), SQLDataType.VARCHAR);
    private static final Field<String> TOKEN_ID = DSL.field(DSL.name("token_id"), SQLDataType.VARCHAR);

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final CdrQueryTranslator translator;
    private final CdrDeletion deletion;
    private final Field<Instant> dateCreated;

    SqlErasureStore(SqlDatabase db, CdrTable cdr, CdrQueryTranslator translator, CdrDeletion deletion) {
        this.db = db;
        this.cdr = cdr;
        this.translator = translator;
        this.deletion = deletion;
        this.dateCreated = DSL.field(DSL.name("date_created"), db.dialect().instantType());
    }

    @Override
    public Erasure erase(Command command, Visibility visibility) {
        return db.write(tx -> {
            // Serialised with CDR inserts, which look their call_sids up in erased_call under the same lock:
            // a batch committing meanwhile is either erased here or refused afterwards, never half of each.
            db.dialect().serialiseCdrInsert(tx);
            Condition matching = translator.visibility(visibility).and(matches(command));
            Erasure given = command.erasure();
            tx.insertInto(ErasedCalls.TABLE, DSL.field(DSL.name("call_sid"), SQLDataType.VARCHAR),
                            DSL.field(DSL.name("partner_sid"), SQLDataType.VARCHAR),
                            DSL.field(DSL.name("erasure_sid"), SQLDataType.VARCHAR))
                    .select(DSL.select(cdr.callSid(), cdr.partnerSid(), DSL.val(given.sid()))
                            .from(cdr.table())
                            .where(matching)
                            .andNotExists(DSL.selectOne().from(ErasedCalls.TABLE).where(ErasedCalls.CALL_SID.eq(cdr.callSid())
                                    .and(ErasedCalls.PARTNER_SID.eq(cdr.partnerSid())))))
                    .execute();
            long count = switch (command.mode()) {
                case DELETE -> deletion.delete(tx, matching);
                case REDACT -> redact(tx, matching);
            };
            var remembered = new Erasure(given.sid(), given.dateCreated(), given.mode(), given.numberSha256(), count,
                    given.partnerSid(), given.tokenId());
            tx.insertInto(ERASURE, SID, dateCreated, MODE, NUMBER_SHA256, RECORDS, PARTNER_SID, TOKEN_ID)
                    .values(remembered.sid(), remembered.dateCreated(), remembered.mode().wireName(), remembered.numberSha256(),
                            remembered.records(), remembered.partnerSid(), remembered.tokenId())
                    .execute();
            return remembered;
        });
    }

    private Condition matches(Command command) {
        String number = command.number();
        Condition names = cdr.text(CdrField.NUMBER_SRC).eq(number)
                .or(cdr.text(CdrField.NUMBER_DST).eq(number))
                .or(DSL.position(cdr.text(CdrField.ADDRESS_SRC), DSL.val(number)).gt(0))
                .or(DSL.position(cdr.text(CdrField.ADDRESS_DST), DSL.val(number)).gt(0));
        @SuppressWarnings("unchecked")
        Field<Instant> dateStart = (Field<Instant>) cdr.column(CdrField.DATE_START);
        Condition range = DSL.noCondition();
        if (command.dateFrom() != null) {
            range = range.and(dateStart.ge(command.dateFrom()));
        }
        if (command.dateTo() != null) {
            range = range.and(dateStart.lt(command.dateTo()));
        }
        return names.and(range);
    }

    /**
     * The four attributes that name the caller become "redacted"; null ones stay null. None of them is a
     * dimension of the usage aggregates, which therefore stay as they are.
     */
    private int redact(DSLContext tx, Condition matching) {
        var update = tx.update(cdr.table()).set(cdr.text(CdrField.NUMBER_SRC), redacted(cdr.text(CdrField.NUMBER_SRC)));
        return update.set(cdr.text(CdrField.NUMBER_DST), redacted(cdr.text(CdrField.NUMBER_DST)))
                .set(cdr.text(CdrField.ADDRESS_SRC), redacted(cdr.text(CdrField.ADDRESS_SRC)))
                .set(cdr.text(CdrField.ADDRESS_DST), redacted(cdr.text(CdrField.ADDRESS_DST)))
                .where(matching)
                .execute();
    }

    private static Field<String> redacted(Field<String> column) {
        return DSL.when(column.isNotNull(), DSL.val(ErasureMode.REDACTED)).otherwise(DSL.inline((String) null));
    }

    @Override
    public List<Erasure> listBy(Set<String> partnerSids) {
        return db.read(dsl -> dsl.select(SID, dateCreated, MODE, NUMBER_SHA256, RECORDS, PARTNER_SID, TOKEN_ID)
                .from(ERASURE)
                .where(PARTNER_SID.in(partnerSids))
                .orderBy(dateCreated.desc(), SID.desc())
                .fetch(this::toErasure));
    }

    @Override
    public List<Erasure> listAll() {
        return db.read(dsl -> dsl.select(SID, dateCreated, MODE, NUMBER_SHA256, RECORDS, PARTNER_SID, TOKEN_ID)
                .from(ERASURE)
                .orderBy(dateCreated.desc(), SID.desc())
                .fetch(this::toErasure));
    }

    private Erasure toErasure(Record row) {
        return new Erasure(row.get(SID), row.get(dateCreated), ErasureMode.fromWire(row.get(MODE)).orElseThrow(),
                row.get(NUMBER_SHA256), row.get(RECORDS), row.get(PARTNER_SID), row.get(TOKEN_ID));
    }
}
