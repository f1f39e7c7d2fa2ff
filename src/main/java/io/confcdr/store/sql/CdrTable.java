package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Seconds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code cdr} table as jOOQ sees it, without code generation: one column per {@link CdrField}
 * plus {@code seq}, the insertion sequence. Only the date column type differs per dialect. Java-side
 * types: text {@code String}, dates {@code Instant}, durations {@code Long} microseconds,
 * disconnect_cause {@code Integer}.
 */
public final class CdrTable {

    /**
     * Attributes every stored record has (NOT NULL columns): the ones a sender must supply and the ones
     * confcdr sets on storing. Their keyset predicates need no null branch.
     */
    private static final Set<CdrField> REQUIRED = EnumSet.copyOf(Stream.of(CdrField.values())
            .filter(field -> field.isRequired() || field.isSetByConfcdr())
            .toList());

    private final Table<Record> table = DSL.table(DSL.name("cdr"));
    private final Field<Long> seq = DSL.field(DSL.name("seq"), SQLDataType.BIGINT);
    private final Map<CdrField, Field<?>> columns = new EnumMap<>(CdrField.class);
    private final List<Field<?>> attributeColumns;
    private final List<Field<?>> selectColumns;

    public CdrTable(Dialect dialect) {
        for (CdrField field : CdrField.values()) {
            columns.put(field, DSL.field(DSL.name(field.wireName()), dataType(field, dialect)));
        }
        attributeColumns = List.copyOf(columns.values());
        List<Field<?>> select = new ArrayList<>(attributeColumns);
        select.add(seq);
        selectColumns = Collections.unmodifiableList(select);
    }

    private static DataType<?> dataType(CdrField field, Dialect dialect) {
        return switch (field.type()) {
            case TEXT -> SQLDataType.VARCHAR;
            case INSTANT -> dialect.instantType();
            case SECONDS -> SQLDataType.BIGINT;
            case INTEGER -> SQLDataType.INTEGER;
        };
    }

    public Table<Record> table() {
        return table;
    }

    public Field<Long> seq() {
        return seq;
    }

    public Field<?> column(CdrField field) {
        return columns.get(field);
    }

    @SuppressWarnings("unchecked")
    public Field<String> text(CdrField field) {
        return (Field<String>) columns.get(field);
    }

    public Field<String> callSid() {
        return text(CdrField.CALL_SID);
    }

    public Field<String> partnerSid() {
        return text(CdrField.PARTNER_SID);
    }

    /** Whether the column is NOT NULL. */
    public boolean isRequired(CdrField field) {
        return REQUIRED.contains(field);
    }

    /** The 27 attribute columns in {@link CdrField} order: the insert column list. */
    public List<Field<?>> attributeColumns() {
        return attributeColumns;
    }

    /** The attribute columns followed by {@code seq}: what a read selects. */
    public List<Field<?>> selectColumns() {
        return selectColumns;
    }

    /** The record's attribute values in {@link #attributeColumns()} order, in column types. */
    public List<Object> values(Cdr cdr) {
        List<Object> values = new ArrayList<>(columns.size());
        for (CdrField field : CdrField.values()) {
            values.add(toColumnValue(field.get(cdr)));
        }
        return values;
    }

    /** A model value (or filter value already in model type) as the column holds it. */
    static Object toColumnValue(Object modelValue) {
        return modelValue instanceof Seconds seconds ? seconds.micros() : modelValue;
    }
}
