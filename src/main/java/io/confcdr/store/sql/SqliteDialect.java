package io.confcdr.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * SQLite: dates as INTEGER epoch milliseconds; one writer at a time, queued in the JVM (SQLite has one
 * writer anyway), which also serialises CDR inserts and partner moves without any lock in SQL.
 */
final class SqliteDialect extends Dialect {

    private static final DataType<Instant> INSTANT = SQLDataType.BIGINT.asConvertedDataType(
            Converter.ofNullable(Long.class, Instant.class, Instant::ofEpochMilli, Instant::toEpochMilli));

    SqliteDialect() {
        super("SQLITE");
    }

    @Override
    public SQLDialect jooqDialect() {
        return SQLDialect.SQLITE;
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public DataType<Instant> instantType() {
        return INSTANT;
    }

    @Override
    Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** SQLite LIKE folds ASCII case and has no escape character unless asked: exactly ilike. Case-sensitive is GLOB. */
    @Override
    Condition like(Field<String> column, String pattern, boolean caseInsensitive) {
        return caseInsensitive
                ? column.like(pattern)
                : DSL.condition("{0} GLOB {1}", column, DSL.val(toGlob(pattern)));
    }

    /** A {@code like} pattern as a GLOB pattern: GLOB's own metacharacters are taken literally. */
    static String toGlob(String likePattern) {
        StringBuilder glob = new StringBuilder(likePattern.length() + 8);
        likePattern.codePoints().forEach(cp -> {
            switch (cp) {
                case '%' -> glob.append('*');
                case '_' -> glob.append('?');
                case '*' -> glob.append("[*]");
                case '?' -> glob.append("[?]");
                case '[' -> glob.append("[[]");
                default -> glob.appendCodePoint(cp);
            }
        });
        return glob.toString();
    }

    /** SQLite has no arrays and handles IN lists of binds well. */
    @Override
    Condition callSidAmong(Field<String> callSid, List<String> sids) {
        return callSid.in(sids);
    }

    @Override
    CdrBulkInsert cdrBulkInsert(CdrTable cdr) {
        return new SqliteBatchInsert(cdr);
    }

    @Override
    void streamRows(java.sql.PreparedStatement statement) {
        // sqlite-jdbc steps the statement lazily already.
    }

    /** Each connection's progress and busy handlers watch the deadline ({@link DeadlineGuard.Sqlite}). */
    @Override
    void limit(java.sql.Statement statement, io.confcdr.store.Deadline deadline) {
    }

    @Override
    JdbcThreads jdbcThreads(int poolSize) {
        return new JdbcThreads.Platform(poolSize, "confcdr-sqlite");
    }

    @Override
    WriterGate writerGate() {
        return new WriterGate.OneAtATime();
    }

    /** In WAL mode NORMAL syncs at checkpoints only: the commit survives a process crash, not a power failure. */
    @Override
    String relaxedCommit() {
        return "PRAGMA synchronous = NORMAL";
    }

    /** What every pooled connection is opened with (acknowledged means durable). */
    @Override
    String durableCommit() {
        return "PRAGMA synchronous = FULL";
    }

    /** The writer gate has serialised this transaction already. */
    @Override
    void serialiseCdrInsert(DSLContext tx) {
    }

    /** The writer gate has serialised this transaction already. */
    @Override
    void lockPartnerTree(DSLContext tx) {
    }

    /** A SQLite write transaction already excludes every other writer. */
    @Override
    boolean lockSummaryRefresh(DSLContext tx) {
        return true;
    }

    /**
     * {@code BEGIN IMMEDIATE}: the write lock is taken (waiting out the busy timeout) when the transaction
     * starts. A deferred transaction that reads first fails with SQLITE_BUSY_SNAPSHOT at its first write when
     * another process (a {@code serve} and an {@code import} on one store) committed meanwhile; the writer
     * gate only orders the writers of this process. Read transactions (scans) stay deferred.
     */
    @Override
    <T> T asWriteTransaction(Connection connection, Supplier<T> transaction) throws SQLException {
        SQLiteConnectionConfig config = connection.unwrap(SQLiteConnection.class).getConnectionConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            return transaction.get();
        } finally {
            config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        }
    }

    /** Dates are epoch milliseconds; the double modulo floors instants before 1970 too. */
    @Override
    Field<Instant> usageSlotOf(Field<Instant> date) {
        return DSL.field("({0} - ((({0} % 900000) + 900000) % 900000))", instantType(), date);
    }

    @Override
    Condition unmergedUsage() {
        return DSL.condition("compacted = 0");
    }

    /** The writer is alone: the rows merged are those up to the largest rowid before the sums are inserted. */
    @Override
    void mergeUsage(DSLContext tx, QueryPart partnerSid, QueryPart slot) {
        Long last = tx.select(DSL.max(DSL.field(DSL.name("rowid"), Long.class))).from(UsageAggregates.TABLE).fetchOne(0, Long.class);
        if (last == null) {
            return;
        }
        tx.execute("INSERT INTO cdr_usage (" + UsageCellMerge.KEYS + ", " + UsageCellMerge.MEASURES + ", compacted) SELECT "
                + UsageCellMerge.KEYS + ", " + UsageCellMerge.SUMS + ", 1 FROM cdr_usage WHERE partner_sid = {0} AND date_start = {1}"
                + " GROUP BY " + UsageCellMerge.KEYS + " HAVING " + UsageCellMerge.NOT_ALL_ZERO, partnerSid, slot);
        tx.execute("DELETE FROM cdr_usage WHERE partner_sid = {0} AND date_start = {1} AND rowid <= {2}", partnerSid, slot,
                DSL.val(last));
    }

    /** One prepared statement bound per row: SQLite parses it once. */
    @Override
    void append(DSLContext tx, org.jooq.Table<?> table, List<Field<?>> columns, List<Object[]> rows) {
        BatchBindStep insert = tx.batch(tx.insertInto(table, columns).values(Collections.nCopies(columns.size(), null)));
        for (Object[] values : rows) {
            insert = insert.bind(values);
        }
        insert.execute();
    }

    /**
     * The predicate of the partial index, true of every row, written as in V11: SQLite uses a partial index
     * only for a query that states its predicate, and without statistics it would otherwise pick this
     * index for any partner and date_start filter of the list route and sort a month to serve one page.
     */
    @Override
    Condition spanIndexCondition(Field<Instant> dateStart) {
        return DSL.condition("{0} >= -9223372036854775808", dateStart);
    }
}
