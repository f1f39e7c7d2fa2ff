package io.confcdr.store.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

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
    JdbcThreads jdbcThreads(int poolSize) {
        return new JdbcThreads.Platform(poolSize, "confcdr-sqlite");
    }

    @Override
    WriterGate writerGate() {
        return new WriterGate.OneAtATime();
    }

    /** The writer gate has serialised this transaction already. */
    @Override
    void serialiseCdrInsert(DSLContext tx) {
    }

    /** The writer gate has serialised this transaction already. */
    @Override
    void lockPartnerTree(DSLContext tx) {
    }

    /** Dates are epoch milliseconds; the double modulo floors instants before 1970 too. */
    @Override
    Field<Instant> usageSlotOf(Field<Instant> date) {
        return DSL.field("({0} - ((({0} % 900000) + 900000) % 900000))", instantType(), date);
    }
}
