package io.confcdr.store.sql;

import io.confcdr.model.CdrField;
import io.confcdr.query.Filter;
import io.confcdr.query.Visibility;
import io.confcdr.store.Backlog;
import io.confcdr.store.DeliveryAttempt;
import io.confcdr.store.PushStore;
import io.confcdr.store.StoredRecord;
import io.confcdr.store.Subscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Push subscriptions in SQLite or PostgreSQL (tables {@code push_subscription}, {@code push_delivery}). The
 * records a subscription receives are read with the list route's translation of filter and visibility, by
 * {@code seq}. Every change of delivery state is one conditional UPDATE, so concurrent processes and a
 * concurrent PATCH or replay settle in the database.
 */
final class SqlPushStore implements PushStore {

    /** Seq values the first window of a read of records spans (at least eight batches' worth). */
    private static final long FIRST_WINDOW = 1024;
    private static final long MAX_WINDOW = 1L << 40;
    private static final Table<Record> SUBSCRIPTION = DSL.table(DSL.name("push_subscription"));
    private static final Table<Record> DELIVERY = DSL.table(DSL.name("push_delivery"));
    private static final Field<String> SID = text("sid");
    private static final Field<Long> ORD = number("ord");
    private static final Field<String> PARTNER_SID = text("partner_sid");
    private static final Field<Long> DESCENDANTS = number("descendants");
    private static final Field<String> URL = text("url");
    private static final Field<String> FILTER = text("filter");
    private static final Field<String> INCLUDE = text("include_fields");
    private static final Field<String> EXCLUDE = text("exclude_fields");
    private static final Field<Long> MAX_BATCH = number("max_batch");
    private static final Field<String> STATUS = text("status");
    private static final Field<String> SECRET = text("secret");
    private static final Field<String> PREVIOUS_SECRET = text("previous_secret");
    private static final Field<Long> PREVIOUS_UNTIL = number("previous_secret_until");
    private static final Field<Long> DATE_CREATED = number("date_created");
    private static final Field<Long> POSITION = number("position");
    private static final Field<String> PENDING_SID = text("pending_sid");
    private static final Field<Long> PENDING_LAST = number("pending_last_seq");
    private static final Field<Long> PENDING_ATTEMPTS = number("pending_attempts");
    private static final Field<Long> PENDING_FIRST = number("pending_first_attempt");
    private static final Field<Long> PENDING_NEXT = number("pending_next_attempt");
    private static final Field<String> LEASE_OWNER = text("lease_owner");
    private static final Field<Long> LEASE_UNTIL = number("lease_until");

    private static final Field<Long> ID = number("id");
    private static final Field<String> SUBSCRIPTION_SID = text("subscription_sid");
    private static final Field<String> DELIVERY_SID = text("delivery_sid");
    private static final Field<Long> ATTEMPT = number("attempt");
    private static final Field<Long> DATE = number("date");
    private static final Field<Long> STATUS_CODE = number("status_code");
    private static final Field<String> ERROR = text("error");
    private static final Field<Long> LATENCY = number("latency_ms");
    private static final Field<Long> COUNT = number("count");
    private static final Field<String> FIRST_CALL = text("first_call_sid");
    private static final Field<String> LAST_CALL = text("last_call_sid");
    private static final Field<Long> ACKNOWLEDGED = number("acknowledged");

    /** Selected by name with their types, so every driver's values come back converted (SQLite gives Integers). */
    private static final List<Field<?>> SUBSCRIPTION_COLUMNS = List.of(SID, PARTNER_SID, DESCENDANTS, URL, FILTER,
            INCLUDE, EXCLUDE, MAX_BATCH, STATUS, SECRET, PREVIOUS_SECRET, PREVIOUS_UNTIL, DATE_CREATED, POSITION,
            PENDING_SID, PENDING_LAST, PENDING_ATTEMPTS, PENDING_FIRST, PENDING_NEXT);
    private static final List<Field<?>> DELIVERY_COLUMNS = List.of(SUBSCRIPTION_SID, DELIVERY_SID, ATTEMPT, DATE,
            STATUS_CODE, ERROR, LATENCY, COUNT, FIRST_CALL, LAST_CALL, ACKNOWLEDGED);

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final CdrQueryTranslator translator;
    private final CdrRows rows;
    /** The delivery state writes of all subscriptions, committed together when they arrive together (SQLite). */
    private final GroupCommit bookkeeping;

    SqlPushStore(SqlDatabase db, SqlCdrStore cdrs) {
        this.db = db;
        this.bookkeeping = GroupCommit.forDatabase(db);
        this.cdr = cdrs.table();
        this.translator = cdrs.translator();
        this.rows = new CdrRows(cdr, db.dialect());
    }

    private static Field<String> text(String name) {
        return DSL.field(DSL.name(name), SQLDataType.VARCHAR);
    }

    private static Field<Long> number(String name) {
        return DSL.field(DSL.name(name), SQLDataType.BIGINT);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public void create(Subscription s) {
        db.write(dsl -> {
            Long last = dsl.select(DSL.max(ORD)).from(SUBSCRIPTION).fetchOne(0, Long.class);
            return dsl.insertInto(SUBSCRIPTION)
                    .set(SID, s.sid()).set(ORD, last == null ? 1 : last + 1).set(PARTNER_SID, s.partnerSid())
                    .set(DESCENDANTS, s.descendants() ? 1L : 0L).set(URL, s.url()).set(FILTER, s.filter())
                    .set(INCLUDE, s.includeFields()).set(EXCLUDE, s.excludeFields()).set(MAX_BATCH, (long) s.maxBatch())
                    .set(STATUS, s.status()).set(SECRET, s.secret()).set(PREVIOUS_SECRET, s.previousSecret())
                    .set(PREVIOUS_UNTIL, millis(s.previousSecretUntil())).set(DATE_CREATED, millis(s.dateCreated()))
                    .set(POSITION, s.position())
                    .execute();
        });
    }

    @Override
    public Optional<Subscription> find(String sid) {
        return db.read(dsl -> dsl.select(SUBSCRIPTION_COLUMNS).from(SUBSCRIPTION).where(SID.eq(sid)).fetchOptional(SqlPushStore::subscription));
    }

    @Override
    public List<Subscription> list() {
        return db.read(dsl -> dsl.select(SUBSCRIPTION_COLUMNS).from(SUBSCRIPTION).orderBy(ORD).fetch(SqlPushStore::subscription));
    }

    private static Subscription subscription(Record r) {
        String pendingSid = r.get(PENDING_SID);
        Subscription.Pending pending = pendingSid == null ? null : new Subscription.Pending(pendingSid,
                r.get(PENDING_LAST), r.get(PENDING_ATTEMPTS).intValue(), instant(r.get(PENDING_FIRST)),
                instant(r.get(PENDING_NEXT)));
        return new Subscription(r.get(SID), r.get(PARTNER_SID), r.get(DESCENDANTS) != 0, r.get(URL), r.get(FILTER),
                r.get(INCLUDE), r.get(EXCLUDE), r.get(MAX_BATCH).intValue(), r.get(STATUS), r.get(SECRET),
                r.get(PREVIOUS_SECRET), instant(r.get(PREVIOUS_UNTIL)), instant(r.get(DATE_CREATED)), r.get(POSITION),
                pending);
    }

    @Override
    public boolean update(Subscription s) {
        return db.write(dsl -> {
            var update = dsl.update(SUBSCRIPTION)
                    .set(URL, s.url()).set(FILTER, s.filter()).set(INCLUDE, s.includeFields()).set(EXCLUDE, s.excludeFields())
                    .set(MAX_BATCH, (long) s.maxBatch()).set(STATUS, s.status()).set(SECRET, s.secret())
                    .set(PREVIOUS_SECRET, s.previousSecret()).set(PREVIOUS_UNTIL, millis(s.previousSecretUntil()));
            if (s.pending() == null) {
                return clearPending(update).where(SID.eq(s.sid())).execute() == 1;
            }
            return update.where(SID.eq(s.sid())).execute() == 1;
        });
    }

    private static <S extends org.jooq.UpdateSetMoreStep<Record>> S clearPending(S update) {
        update.set(PENDING_SID, (String) null).set(PENDING_LAST, (Long) null).set(PENDING_ATTEMPTS, (Long) null)
                .set(PENDING_FIRST, (Long) null).set(PENDING_NEXT, (Long) null);
        return update;
    }

    @Override
    public boolean delete(String sid) {
        return db.write(dsl -> {
            dsl.deleteFrom(DELIVERY).where(SUBSCRIPTION_SID.eq(sid)).execute();
            return dsl.deleteFrom(SUBSCRIPTION).where(SID.eq(sid)).execute() == 1;
        });
    }

    // ---- the cursor over the records ----

    private Condition matching(long seq, Filter filter, Visibility visibility) {
        return cdr.seq().gt(seq).and(translator.visibility(visibility)).and(translator.filter(filter));
    }

    /**
     * Reads the records after {@code seq} through windows of seq values, each at most twice as wide as the one
     * before. However the database plans the read, and whatever its statistics say about the backlog, a
     * statement then touches one window of rows: without an upper bound, a plan that reads every matching
     * record after the position and sorts them costs the whole backlog on each batch (seen on a new PostgreSQL
     * table, and the risk for a subscription of a small partner far behind).
     *
     * <p>Records become visible in seq order, so a full first window is the answer (one statement while there
     * is a backlog). A short one may have ended where visible records ended, so the newest seq is read, and the
     * windows go on from the last record found up to it: every record up to the newest was visible when it
     * was read, so none is skipped, including those committed since the first window.
     */
    @Override
    public List<StoredRecord> recordsAfter(long seq, Filter filter, Visibility visibility, int limit) {
        return db.read(dsl -> {
            List<StoredRecord> found = new ArrayList<>();
            long window = Math.max(FIRST_WINDOW, 8L * limit);
            readWindow(dsl, seq, seq + window, filter, visibility, limit, found);
            if (found.size() == limit) {
                return found;
            }
            Long newest = dsl.select(DSL.max(cdr.seq())).from(cdr.table()).fetchOne(0, Long.class);
            long from = found.isEmpty() ? seq : found.getLast().seq();
            while (newest != null && from < newest && found.size() < limit) {
                long to = newest - from <= window ? newest : from + window;
                readWindow(dsl, from, to, filter, visibility, limit - found.size(), found);
                from = to;
                window = Math.min(window * 2, MAX_WINDOW);
            }
            return found;
        });
    }

    private void readWindow(DSLContext dsl, long after, long upTo, Filter filter, Visibility visibility, int limit,
            List<StoredRecord> found) {
        var query = dsl.select(cdr.selectColumns()).from(cdr.table())
                .where(matching(after, filter, visibility).and(cdr.seq().le(upTo)))
                .orderBy(cdr.seq()).limit(limit);
        int seqColumn = cdr.selectColumns().size();
        try (ResultSet rs = query.fetchResultSet()) {
            while (rs.next()) {
                found.add(new StoredRecord(rs.getLong(seqColumn), rows.read(rs)));
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading records failed", e);
        }
    }

    @Override
    public Backlog backlog(long seq, Filter filter, Visibility visibility, int countUpTo) {
        @SuppressWarnings("unchecked")
        Field<Instant> dateInsert = (Field<Instant>) cdr.column(CdrField.DATE_INSERT);
        return db.read(dsl -> {
            Table<?> first = dsl.select(dateInsert).from(cdr.table()).where(matching(seq, filter, visibility))
                    .orderBy(cdr.seq()).limit(countUpTo).asTable("backlog");
            Record row = dsl.select(DSL.count(), DSL.min(first.field(dateInsert))).from(first).fetchOne();
            long count = row == null ? 0 : row.get(0, Long.class);
            return count == 0 ? Backlog.NONE : new Backlog(count, row.get(1, Instant.class));
        });
    }

    @Override
    public long lastSeq() {
        return db.read(dsl -> {
            Long last = dsl.select(DSL.max(cdr.seq())).from(cdr.table()).fetchOne(0, Long.class);
            return last == null ? 0 : last;
        });
    }

    @Override
    public OptionalLong seqOf(String callSid, Visibility visibility) {
        return db.read(dsl -> {
            Long seq = dsl.select(cdr.seq()).from(cdr.table())
                    .where(cdr.callSid().eq(callSid).and(translator.visibility(visibility)))
                    .orderBy(cdr.seq().desc()).limit(1).fetchOne(cdr.seq());
            return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
        });
    }

    @Override
    public OptionalLong firstSeqInsertedFrom(Instant from) {
        @SuppressWarnings("unchecked")
        Field<Instant> dateInsert = (Field<Instant>) cdr.column(CdrField.DATE_INSERT);
        return db.read(dsl -> {
            Long seq = dsl.select(DSL.min(cdr.seq())).from(cdr.table()).where(dateInsert.ge(from)).fetchOne(0, Long.class);
            return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
        });
    }

    // ---- delivery state ----

    @Override
    public boolean lease(String sid, String owner, Instant now, Instant until) {
        return db.writeRecoverable(dsl -> dsl.update(SUBSCRIPTION).set(LEASE_OWNER, owner).set(LEASE_UNTIL, millis(until))
                .where(SID.eq(sid).and(LEASE_OWNER.isNull().or(LEASE_OWNER.eq(owner)).or(LEASE_UNTIL.lt(millis(now)))))
                .execute() == 1);
    }

    @Override
    public void releaseLeases(String owner) {
        db.write(dsl -> dsl.update(SUBSCRIPTION).set(LEASE_OWNER, (String) null).set(LEASE_UNTIL, (Long) null)
                .where(LEASE_OWNER.eq(owner)).execute());
    }

    @Override
    public boolean setPending(String sid, String owner, Subscription.Pending p) {
        return bookkeeping.write(sid, dsl -> dsl.update(SUBSCRIPTION)
                .set(PENDING_SID, p.deliverySid()).set(PENDING_LAST, p.lastSeq()).set(PENDING_ATTEMPTS, (long) p.attempts())
                .set(PENDING_FIRST, millis(p.firstAttempt())).set(PENDING_NEXT, millis(p.nextAttempt()))
                .where(SID.eq(sid).and(LEASE_OWNER.eq(owner))).execute() == 1);
    }

    @Override
    public boolean acknowledge(String sid, String deliverySid, long lastSeq) {
        return bookkeeping.write(sid, dsl -> clearPending(dsl.update(SUBSCRIPTION).set(POSITION, lastSeq))
                .where(SID.eq(sid).and(PENDING_SID.eq(deliverySid))).execute() == 1);
    }

    @Override
    public boolean markFailing(String sid, String deliverySid) {
        return bookkeeping.write(sid, dsl -> dsl.update(SUBSCRIPTION).set(STATUS, Subscription.FAILING)
                .where(SID.eq(sid).and(PENDING_SID.eq(deliverySid))).execute() == 1);
    }

    @Override
    public boolean reposition(String sid, long seq) {
        return db.write(dsl -> clearPending(dsl.update(SUBSCRIPTION).set(POSITION, seq)).where(SID.eq(sid)).execute() == 1);
    }

    @Override
    public void log(DeliveryAttempt a) {
        bookkeeping.write(a.subscriptionSid(), dsl -> insertAttempt(dsl, a));
    }

    @Override
    public boolean logAcknowledged(DeliveryAttempt a, long lastSeq) {
        return bookkeeping.write(a.subscriptionSid(), dsl -> {
            insertAttempt(dsl, a);
            return clearPending(dsl.update(SUBSCRIPTION).set(POSITION, lastSeq))
                    .where(SID.eq(a.subscriptionSid()).and(PENDING_SID.eq(a.deliverySid()))).execute() == 1;
        });
    }

    @Override
    public boolean logAcknowledgedThenPending(DeliveryAttempt a, long lastSeq, String owner, Subscription.Pending p) {
        return bookkeeping.write(a.subscriptionSid(), dsl -> {
            insertAttempt(dsl, a);
            Condition stillInFlight = SID.eq(a.subscriptionSid()).and(PENDING_SID.eq(a.deliverySid()));
            boolean chained = dsl.update(SUBSCRIPTION).set(POSITION, lastSeq)
                    .set(PENDING_SID, p.deliverySid()).set(PENDING_LAST, p.lastSeq()).set(PENDING_ATTEMPTS, (long) p.attempts())
                    .set(PENDING_FIRST, millis(p.firstAttempt())).set(PENDING_NEXT, millis(p.nextAttempt()))
                    .where(stillInFlight.and(LEASE_OWNER.eq(owner))).execute() == 1;
            if (!chained) {
                clearPending(dsl.update(SUBSCRIPTION).set(POSITION, lastSeq)).where(stillInFlight).execute();
            }
            return chained;
        });
    }

    private static int insertAttempt(DSLContext dsl, DeliveryAttempt a) {
        return dsl.insertInto(DELIVERY)
                .set(SUBSCRIPTION_SID, a.subscriptionSid()).set(DELIVERY_SID, a.deliverySid()).set(ATTEMPT, (long) a.attempt())
                .set(DATE, millis(a.date())).set(STATUS_CODE, a.statusCode() == null ? null : (long) a.statusCode())
                .set(ERROR, a.error()).set(LATENCY, a.latencyMillis()).set(COUNT, (long) a.count())
                .set(FIRST_CALL, a.firstCallSid()).set(LAST_CALL, a.lastCallSid()).set(ACKNOWLEDGED, a.acknowledged() ? 1L : 0L)
                .execute();
    }

    @Override
    public List<DeliveryAttempt> attempts(String sid) {
        return db.read(dsl -> dsl.select(DELIVERY_COLUMNS).from(DELIVERY).where(SUBSCRIPTION_SID.eq(sid)).orderBy(ID.desc())
                .fetch(r -> new DeliveryAttempt(r.get(SUBSCRIPTION_SID), r.get(DELIVERY_SID), r.get(ATTEMPT).intValue(),
                        instant(r.get(DATE)), r.get(STATUS_CODE) == null ? null : r.get(STATUS_CODE).intValue(),
                        r.get(ERROR), r.get(LATENCY), r.get(COUNT).intValue(), r.get(FIRST_CALL), r.get(LAST_CALL),
                        r.get(ACKNOWLEDGED) != 0)));
    }
}
