package io.confcdr.store.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.SQLDialect;
import org.jooq.impl.SQLDataType;

/**
 * What differs between the two SQL databases confcdr runs on: how an instant is stored, where the
 * migrations live, and how a case-sensitive {@code like} is spelled. Everything else is shared.
 */
public enum Dialect {

    /** Dates as INTEGER epoch milliseconds; {@code like} becomes GLOB because SQLite LIKE ignores ASCII case. */
    SQLITE(SQLDialect.SQLITE, "classpath:db/migration/sqlite",
            SQLDataType.BIGINT.asConvertedDataType(
                    Converter.ofNullable(Long.class, Instant.class, Instant::ofEpochMilli, Instant::toEpochMilli))),

    /** Dates as timestamptz; text columns are {@code COLLATE "C"}. */
    POSTGRES(SQLDialect.POSTGRES, "classpath:db/migration/postgresql",
            SQLDataType.TIMESTAMPWITHTIMEZONE.asConvertedDataType(
                    Converter.ofNullable(OffsetDateTime.class, Instant.class,
                            OffsetDateTime::toInstant, instant -> instant.atOffset(ZoneOffset.UTC))));

    private final SQLDialect jooqDialect;
    private final String migrations;
    private final DataType<Instant> instantType;

    Dialect(SQLDialect jooqDialect, String migrations, DataType<Instant> instantType) {
        this.jooqDialect = jooqDialect;
        this.migrations = migrations;
        this.instantType = instantType;
    }

    public SQLDialect jooqDialect() {
        return jooqDialect;
    }

    /** The Flyway location of this dialect's migrations. */
    public String migrations() {
        return migrations;
    }

    /** The column type of every date: converts to and from {@link Instant} at the JDBC boundary. */
    public DataType<Instant> instantType() {
        return instantType;
    }
}
