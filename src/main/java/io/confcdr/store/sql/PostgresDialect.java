package io.confcdr.store.sql;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * PostgreSQL: dates as timestamptz, text columns {@code COLLATE "C"}; writers go straight to the database,
 * which serialises what has to be serialised with locks taken inside the transaction.
 */
final class PostgresDialect extends Dialect {

    /** The advisory lock key of the summary refresh: any constant no other lock of this database uses. */
    private static final long SUMMARY_REFRESH_LOCK = 0x636466_73756dL;

    private static final DataType<Instant> INSTANT = SQLDataType.TIMESTAMPWITHTIMEZONE.asConvertedDataType(
            Converter.ofNullable(OffsetDateTime.class, Instant.class,
                    OffsetDateTime::toInstant, instant -> instant.atOffset(ZoneOffset.UTC)));
    private static final VarHandle LONG_BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    /** The one text date of 8 bytes, which would otherwise read as a binary one. */
    private static final byte[] INFINITY_TEXT = "infinity".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The advisory lock that orders CDR insert transactions ("cdr_seq"). */
    private static final long CDR_SEQUENCE_LOCK = 0x6364725f736571L;

    PostgresDialect() {
        super("POSTGRES");
    }

    @Override
    public SQLDialect jooqDialect() {
        return SQLDialect.POSTGRES;
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/postgresql";
    }

    @Override
    public DataType<Instant> instantType() {
        return INSTANT;
    }

    /**
     * A date in binary form (what {@link #streamRows} asks for) is decoded here from its 8 bytes: the driver
     * would build a calendar, a parsed timestamp and an {@code OffsetDateTime} to get the same instant, for
     * every date of every record. Text (a statement the driver has not switched to binary yet; 8 bytes
     * long only as "infinity") and the infinities go through the driver.
     */
    @Override
    Instant instant(ResultSet rs, int column) throws SQLException {
        byte[] raw = rs.getBytes(column);
        if (raw == null) {
            return null;
        }
        if (raw.length == Long.BYTES && !java.util.Arrays.equals(raw, INFINITY_TEXT)) {
            long micros = (long) LONG_BIG_ENDIAN.get(raw, 0);
            if (micros != Long.MAX_VALUE && micros != Long.MIN_VALUE) {
                return instantOfPostgresMicros(micros);
            }
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Binary timestamptz: microseconds since 2000-01-01T00:00:00Z (integer datetimes, the only kind since PostgreSQL 10). */
    static Instant instantOfPostgresMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L) + POSTGRES_EPOCH_SECONDS,
                Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** PostgreSQL's LIKE escapes with '\' by default; doubling it keeps a backslash literal. */
    @Override
    Condition like(Field<String> column, String pattern, boolean caseInsensitive) {
        String escaped = pattern.replace("\\", "\\\\");
        return caseInsensitive ? column.likeIgnoreCase(escaped, '\\') : column.like(escaped, '\\');
    }

    /**
     * One array parameter ({@code = ANY(?)}): a long IN list of parameters is slow to plan and tempts the
     * planner into a sequential scan.
     */
    @Override
    Condition callSidAmong(Field<String> callSid, List<String> sids) {
        return callSid.eq(DSL.any(sids.toArray(String[]::new)));
    }

    @Override
    CdrBulkInsert cdrBulkInsert(CdrTable cdr) {
        return new PostgresCopy(cdr);
    }

    /**
     * pgjdbc's own timer sends the server a cancel request when the time runs out (a lock wait ends too), and
     * waits for a cancel in flight before the statement runs again, so a late cancel never reaches the next
     * statement on the connection. Milliseconds, not {@code setQueryTimeout}'s whole seconds.
     */
    @Override
    void limit(java.sql.Statement statement, io.confcdr.store.Deadline deadline) throws SQLException {
        statement.unwrap(org.postgresql.jdbc.PgStatement.class)
                .setQueryTimeoutMs(deadline == null ? 0 : Math.max(1, deadline.remainingMillis()));
    }

    @Override
    JdbcThreads jdbcThreads(int poolSize) {
        return new JdbcThreads.Caller();
    }

    /**
     * A negative prepare threshold makes the driver ask for binary results from the first execution
     * (otherwise only a statement run five times gets them): every date then arrives as 8 bytes instead of
     * text to parse, six of them per record.
     */
    @Override
    void streamRows(java.sql.PreparedStatement statement) throws SQLException {
        statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
    }

    @Override
    WriterGate writerGate() {
        return WriterGate.OPEN;
    }

    /** The commit returns before its WAL is flushed; a server crash may lose it, never half of it. */
    @Override
    String relaxedCommit() {
        return "SET synchronous_commit = off";
    }

    @Override
    String durableCommit() {
        return "RESET synchronous_commit";
    }

    /**
     * A transaction-scoped advisory lock (one fixed key) makes insertion sequences become visible in commit
     * order, so a client walking {@code after} cursors never skips a record that committed late.
     */
    @Override
    void serialiseCdrInsert(DSLContext tx) {
        tx.execute("select pg_advisory_xact_lock(?)", CDR_SEQUENCE_LOCK);
        // The call_sid lookup is planned for its actual array: without this it slowed down badly as the
        // table grew, most likely a generic plan cached while the table was small.
        tx.execute("set local plan_cache_mode = force_custom_plan");
    }

    /**
     * Two concurrent moves (A under B, B under A) would each pass the cycle check on the tree as it was:
     * a table lock serialises partner writes (reads go on).
     */
    @Override
    void lockPartnerTree(DSLContext tx) {
        tx.execute("LOCK TABLE partner IN SHARE ROW EXCLUSIVE MODE");
    }

    /**
     * One index lookup per meeting (a lateral join over the array, kept a loop by OFFSET 0, which stops the
     * planner from turning it into a join): with a list in IN, a table never analyzed (autovacuum off, or
     * minutes after a load) is estimated at 1/200 of its rows per value and read whole.
     */
    @Override
    List<MeetingStart> meetingStarts(DSLContext dsl, CdrTable cdr, List<MeetingRange> ranges) {
        return dsl.resultQuery("SELECT c.meeting_sid, c.partner_sid, c.date_start FROM unnest({0}, {1}, {2}) AS m(sid, f, t) "
                        + "CROSS JOIN LATERAL (SELECT meeting_sid, partner_sid, date_start FROM {3} "
                        + "WHERE meeting_sid = m.sid AND date_start >= to_timestamp(m.f / 1000.0) AND date_start <= to_timestamp(m.t / 1000.0) OFFSET 0) AS c",
                DSL.val(ranges.stream().map(MeetingRange::meetingSid).toArray(String[]::new), SQLDataType.VARCHAR.getArrayDataType()),
                // Epoch milliseconds: timestamptz text has no year 0 (it is 1 BC).
                DSL.val(ranges.stream().map(range -> range.from().toEpochMilli()).toArray(Long[]::new),
                        SQLDataType.BIGINT.getArrayDataType()),
                DSL.val(ranges.stream().map(range -> range.last().toEpochMilli()).toArray(Long[]::new),
                        SQLDataType.BIGINT.getArrayDataType()),
                cdr.table())
                .coerce(meetingSid(cdr), cdr.partnerSid(), dateStart(cdr))
                .fetch(row -> new MeetingStart(row.value1(), row.value2(), row.value3()));
    }

    /**
     * A transaction-scoped advisory lock, released by the commit whatever happens to the process; tried, not
     * awaited, so that a process never holds a connection waiting for another's refresh.
     */
    @Override
    boolean lockSummaryRefresh(DSLContext tx) {
        return Boolean.TRUE.equals(tx.fetchValue("SELECT pg_try_advisory_xact_lock(" + SUMMARY_REFRESH_LOCK + ")", Boolean.class));
    }

    @Override
    Field<Instant> usageSlotOf(Field<Instant> date) {
        return DSL.field("date_bin('15 minutes', {0}, timestamptz '1970-01-01 00:00:00+00')", instantType(), date);
    }

    @Override
    Condition unmergedUsage() {
        return DSL.condition("NOT compacted");
    }

    /**
     * One statement: the rows it sums are exactly those it deletes, so a row committed meanwhile stays for the
     * next merge, and a second process merging the same unit finds the rows gone and adds nothing.
     */
    @Override
    void mergeUsage(DSLContext tx, QueryPart partnerSid, QueryPart slot) {
        tx.execute("WITH moved AS (DELETE FROM cdr_usage WHERE partner_sid = {0} AND date_start = {1} RETURNING "
                + UsageCellMerge.KEYS + ", " + UsageCellMerge.MEASURES + ") INSERT INTO cdr_usage (" + UsageCellMerge.KEYS
                + ", " + UsageCellMerge.MEASURES + ", compacted) SELECT " + UsageCellMerge.KEYS + ", " + UsageCellMerge.SUMS
                + ", true FROM moved GROUP BY " + UsageCellMerge.KEYS + " HAVING " + UsageCellMerge.NOT_ALL_ZERO,
                partnerSid, slot);
    }

    /** READ COMMITTED would let each statement see the commits made since the one before. */
    @Override
    int snapshotIsolation(int current) {
        return Connection.TRANSACTION_REPEATABLE_READ;
    }

    /** A sparse batch (hours of traffic) has thousands of cells: one COPY, not a statement per cell. */
    @Override
    void append(DSLContext tx, org.jooq.Table<?> table, List<Field<?>> columns, List<Object[]> rows) {
        PostgresCopy.copyRows(tx, table.getName(), columns, rows);
    }

    /** A plain index: PostgreSQL's planner weighs it against the list route's with the table's statistics. */
    @Override
    Condition spanIndexCondition(Field<Instant> dateStart) {
        return DSL.noCondition();
    }
}
