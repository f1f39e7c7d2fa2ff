package io.confcdr.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;

/**
 * Everything that differs between the two SQL databases confcdr runs on, implemented once per database:
 * how an instant is stored and read, where the migrations live, how {@code like} is spelled, how call_sids
 * are looked up, how new CDRs are bulk-inserted and how writers are serialised. The rest of the store is
 * written once against this class and never asks which database it is on.
 *
 * <p>An abstract class rather than an interface so that the behaviour stays package-private: only the
 * schema facts are public (the benchmarks build tables and translators from them).
 */
public abstract sealed class Dialect permits SqliteDialect, PostgresDialect {

    public static final Dialect SQLITE = new SqliteDialect();
    public static final Dialect POSTGRES = new PostgresDialect();

    private final String name;

    Dialect(String name) {
        this.name = name;
    }

    /** The dialect called {@code SQLITE} or {@code POSTGRES}. */
    public static Dialect valueOf(String name) {
        for (Dialect dialect : List.of(SQLITE, POSTGRES)) {
            if (dialect.name.equals(name)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("no dialect " + name + "; SQLITE or POSTGRES");
    }

    /** {@code SQLITE} or {@code POSTGRES}. */
    public final String name() {
        return name;
    }

    @Override
    public final String toString() {
        return name;
    }

    public abstract SQLDialect jooqDialect();

    /** The Flyway location of this dialect's migrations. */
    public abstract String migrations();

    /** The column type of every date: converts to and from {@link Instant} at the JDBC boundary. */
    public abstract DataType<Instant> instantType();

    /** The date in a column of {@link #instantType()} read straight off JDBC; null for SQL null. */
    abstract Instant instant(ResultSet rs, int column) throws SQLException;

    /**
     * {@code column like pattern} (or {@code ilike}) with the query language's semantics: {@code %} and
     * {@code _} are the only wildcards, every other character (backslash included) stands for itself.
     */
    abstract Condition like(Field<String> column, String pattern, boolean caseInsensitive);

    /** {@code callSid} is one of {@code sids} (up to a few hundred). */
    abstract Condition callSidAmong(Field<String> callSid, List<String> sids);

    /** How new CDRs go into {@code cdr}; one per store, built once. */
    abstract CdrBulkInsert cdrBulkInsert(CdrTable cdr);

    /** Sets a connection to commit without waiting for the disk (see {@link SqlDatabase#writeRecoverable}). */
    abstract String relaxedCommit();

    /** Sets the connection back to the pool's durable commits. */
    abstract String durableCommit();

    /** The queue a database's writers wait in before their transaction; one per database. */
    abstract WriterGate writerGate();

    /**
     * Bounds {@code statement}'s execution by {@code deadline} (null: unbounded), called as each statement
     * starts; see {@link DeadlineGuard} for what each database does.
     */
    abstract void limit(java.sql.Statement statement, io.confcdr.store.Deadline deadline) throws SQLException;

    /** Where this database's JDBC calls run: see {@link JdbcThreads}. */
    abstract JdbcThreads jdbcThreads(int poolSize);

    /** Sets up a prepared statement whose result is thousands of rows (an export's chunk). */
    abstract void streamRows(java.sql.PreparedStatement statement) throws SQLException;

    /**
     * Called first in every CDR insert transaction: orders it after the CDR writers before it, so insertion
     * sequences become visible in commit order.
     */
    abstract void serialiseCdrInsert(DSLContext tx);

    /** Called first in a partner write that checks the tree: keeps concurrent moves from forming a cycle. */
    abstract void lockPartnerTree(DSLContext tx);

    /**
     * The meeting_sid, partner_sid and date_start of the records of each meeting starting in its range
     * [from, last], through index {@code cdr_meeting_sid_date_start} whatever the statistics say (a meeting
     * has a few records, most ranges hold none of them; a plan that reads the table for a list of meetings
     * would cost every insert a scan). SQLite reads each meeting's records from the earliest bound to the
     * latest and keeps those in their own range.
     */
    List<MeetingStart> meetingStarts(DSLContext dsl, CdrTable cdr, List<MeetingRange> ranges) {
        Instant from = ranges.stream().map(MeetingRange::from).min(Instant::compareTo).orElseThrow();
        Instant last = ranges.stream().map(MeetingRange::last).max(Instant::compareTo).orElseThrow();
        java.util.Map<String, MeetingRange> bySid = new java.util.HashMap<>();
        ranges.forEach(range -> bySid.put(range.meetingSid(), range));
        return dsl.select(meetingSid(cdr), cdr.partnerSid(), dateStart(cdr)).from(cdr.table())
                .where(meetingSid(cdr).in(bySid.keySet()).and(dateStart(cdr).ge(from)).and(dateStart(cdr).le(last)))
                .fetch(row -> new MeetingStart(row.value1(), row.value2(), row.value3()))
                .stream().filter(start -> bySid.get(start.meetingSid()).holds(start.dateStart())).toList();
    }

    /** A meeting and the range [from, last] of date_start asked for (dates are RFC 3339: years 0 to 9999). */
    record MeetingRange(String meetingSid, Instant from, Instant last) {
        static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
        static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

        boolean holds(Instant start) {
            return !start.isBefore(from) && !start.isAfter(last);
        }
    }

    record MeetingStart(String meetingSid, String partnerSid, Instant dateStart) {
    }

    @SuppressWarnings("unchecked")
    static Field<String> meetingSid(CdrTable cdr) {
        return (Field<String>) cdr.column(io.confcdr.model.CdrField.MEETING_SID);
    }

    @SuppressWarnings("unchecked")
    static Field<Instant> dateStart(CdrTable cdr) {
        return (Field<Instant>) cdr.column(io.confcdr.model.CdrField.DATE_START);
    }

    /**
     * Makes the summary refresh in {@code tx} the only one running on the database until it commits, if no
     * other one runs: false (at once, without waiting) when one does.
     */
    abstract boolean lockSummaryRefresh(DSLContext tx);

    /**
     * Runs {@code transaction} (which opens a write transaction on {@code connection}) so that it cannot fail
     * because another process wrote between its first read and its first write. Default: as it is.
     */
    <T> T asWriteTransaction(Connection connection, Supplier<T> transaction)
            throws SQLException {
        return transaction.get();
    }

    /**
     * The first instant of the 15-minute UTC slot holding {@code date}, as the database computes it (the
     * same as {@link UsageAggregates#slotOf} in Java), for the usage aggregates.
     */
    abstract Field<Instant> usageSlotOf(Field<Instant> date);

    /** The rows of {@code cdr_usage} not merged since they were written, as V12's partial index states it. */
    abstract Condition unmergedUsage();

    /**
     * Replaces, in the caller's transaction, the {@code cdr_usage} rows of one partner and slot by one row
     * per cell holding their sums (cells whose sums are all zero dropped), without counting a row written
     * meanwhile twice or missing it ({@link UsageCellMerge}).
     */
    abstract void mergeUsage(DSLContext tx, QueryPart partnerSid, QueryPart slot);

    /**
     * The isolation level under which several reads in one transaction see one snapshot, given the
     * connection's current one: the current one where every read transaction is a snapshot already.
     */
    int snapshotIsolation(int current) {
        return current;
    }

    /** Appends delta rows to {@code cdr_usage} in the caller's transaction. */
    void appendUsage(DSLContext tx, List<Field<?>> columns, List<Object[]> rows) {
        append(tx, UsageAggregates.TABLE, columns, rows);
    }

    /** Appends rows to {@code table} in the caller's transaction, as cheaply as the database allows. */
    abstract void append(DSLContext tx, org.jooq.Table<?> table, List<Field<?>> columns, List<Object[]> rows);

    /**
     * What the span read of a usage report adds to its condition so that it, and only it, may be answered
     * from index {@code cdr_partner_date_start} (V11): nothing, or the predicate of that partial index.
     */
    abstract Condition spanIndexCondition(Field<Instant> dateStart);
}
