package io.confcdr.store.sql;

import io.confcdr.model.CdrField;
import io.confcdr.model.FieldType;
import io.confcdr.query.Comparison;
import io.confcdr.query.Condition.Compare;
import io.confcdr.query.Condition.In;
import io.confcdr.query.Condition.IsNull;
import io.confcdr.query.Condition.Like;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The one translation of the query AST into SQL, shared by SQLite and PostgreSQL: visibility and filter
 * conditions, sort fields and keyset predicates, all with bind parameters. Implements the query
 * semantics every store shares (nulls first ascending, {@code seq} as tie-breaker, SQL null logic).
 * The only dialect difference, how {@code like} is spelled, is the {@link Dialect}'s.
 */
public final class CdrQueryTranslator {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final CdrTable cdr;
    private final Dialect dialect;

    public CdrQueryTranslator(CdrTable cdr, Dialect dialect) {
        this.cdr = cdr;
        this.dialect = dialect;
    }

    /** Only records of these partners exist for a query. */
    public Condition visibility(Visibility visibility) {
        List<String> sids = List.copyOf(visibility.partnerSids());
        return switch (sids.size()) {
            case 0 -> DSL.falseCondition();
            case 1 -> cdr.partnerSid().eq(sids.getFirst());
            default -> cdr.partnerSid().in(sids);
        };
    }

    /** The conjunction of the filter's conditions; true when empty. */
    public Condition filter(Filter filter) {
        List<Condition> conditions = new ArrayList<>();
        for (io.confcdr.query.Condition condition : filter.conditions()) {
            conditions.add(condition(condition));
        }
        return DSL.and(conditions);
    }

    private Condition condition(io.confcdr.query.Condition condition) {
        return switch (condition) {
            case IsNull isNull -> isNull.negated() ? column(isNull.field()).isNotNull() : column(isNull.field()).isNull();
            case Compare compare -> isExactNumber(compare.field())
                    ? numericCompare(compare.field(), compare.op(), (BigDecimal) compare.value())
                    : compare(column(compare.field()), compare.op(), compare.value());
            case In in -> isExactNumber(in.field()) ? numericIn(in) : plainIn(in);
            case Like like -> like(like);
        };
    }

    private static boolean isExactNumber(CdrField field) {
        return field.type() == FieldType.SECONDS || field.type() == FieldType.INTEGER;
    }

    @SuppressWarnings("unchecked")
    private Field<Object> column(CdrField field) {
        return (Field<Object>) cdr.column(field);
    }

    private static Condition compare(Field<Object> column, Comparison op, Object value) {
        return switch (op) {
            case EQ -> column.eq(value);
            case NE -> column.ne(value);
            case GT -> column.gt(value);
            case GE -> column.ge(value);
            case LT -> column.lt(value);
            case LE -> column.le(value);
        };
    }

    private Condition plainIn(In in) {
        Field<Object> column = column(in.field());
        return in.negated() ? column.notIn(in.values()) : column.in(in.values());
    }

    /** The integer column a number is compared with: microseconds for durations, the code itself otherwise. */
    private Field<Long> integerColumn(CdrField field) {
        return cdr.column(field).coerce(SQLDataType.BIGINT);
    }

    /** The filter value in the column's unit, exact: seconds × 10^6 for durations. */
    private static BigDecimal inColumnUnit(CdrField field, BigDecimal value) {
        return field.type() == FieldType.SECONDS ? value.movePointRight(6) : value;
    }

    /**
     * Compares an integer column with an exact decimal without rounding: a fractional bound becomes the
     * neighbouring integer on the correct side, and equality with a fraction is impossible.
     */
    private Condition numericCompare(CdrField field, Comparison op, BigDecimal value) {
        Field<Long> column = integerColumn(field);
        BigDecimal target = inColumnUnit(field, value);
        boolean integral = target.signum() == 0 || target.stripTrailingZeros().scale() <= 0;
        BigDecimal floor = target.setScale(0, RoundingMode.FLOOR);
        BigDecimal ceil = target.setScale(0, RoundingMode.CEILING);
        return switch (op) {
            case EQ -> integral && fitsLong(target) ? column.eq(target.longValueExact()) : DSL.falseCondition();
            case NE -> integral && fitsLong(target) ? column.ne(target.longValueExact()) : column.isNotNull();
            case GT -> atLeast(column, floor.add(BigDecimal.ONE));
            case GE -> atLeast(column, ceil);
            case LT -> atMost(column, ceil.subtract(BigDecimal.ONE));
            case LE -> atMost(column, floor);
        };
    }

    private static Condition atLeast(Field<Long> column, BigDecimal bound) {
        if (bound.compareTo(LONG_MAX) > 0) {
            return DSL.falseCondition();
        }
        return bound.compareTo(LONG_MIN) < 0 ? column.isNotNull() : column.ge(bound.longValueExact());
    }

    private static Condition atMost(Field<Long> column, BigDecimal bound) {
        if (bound.compareTo(LONG_MIN) < 0) {
            return DSL.falseCondition();
        }
        return bound.compareTo(LONG_MAX) > 0 ? column.isNotNull() : column.le(bound.longValueExact());
    }

    private static boolean fitsLong(BigDecimal value) {
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
    }

    private Condition numericIn(In in) {
        Field<Long> column = integerColumn(in.field());
        List<Long> candidates = new ArrayList<>();
        for (Object value : in.values()) {
            BigDecimal target = inColumnUnit(in.field(), (BigDecimal) value);
            if ((target.signum() == 0 || target.stripTrailingZeros().scale() <= 0) && fitsLong(target)) {
                candidates.add(target.longValueExact());
            }
        }
        if (candidates.isEmpty()) {
            return in.negated() ? column.isNotNull() : DSL.falseCondition();
        }
        return in.negated() ? column.notIn(candidates) : column.in(candidates);
    }

    private Condition like(Like like) {
        Condition matches = dialect.like(cdr.text(like.field()), like.pattern(), like.caseInsensitive());
        return like.negated() ? matches.not() : matches;
    }

    /**
     * The ORDER BY of an order, read forwards or (for {@code before} cursors) backwards. Ascending is
     * NULLS FIRST, descending is its exact reverse; {@code seq} breaks ties in the same direction.
     */
    public List<SortField<?>> sortFields(Order order, boolean backwards) {
        return switch (order) {
            case Order.Insertion insertion -> List.of(backwards ? cdr.seq().desc() : cdr.seq().asc());
            case Order.ByField byField -> {
                Field<?> column = cdr.column(byField.field());
                boolean descending = byField.descending() != backwards;
                yield descending
                        ? List.of(column.desc().nullsLast(), cdr.seq().desc())
                        : List.of(column.asc().nullsFirst(), cdr.seq().asc());
            }
            case Order.Shuffle shuffle -> List.of(DSL.rand().asc());
        };
    }

    /**
     * Records strictly after the anchor in the order (strictly before it when {@code backwards}). The
     * range on the sort column comes first so that an index on (partner_sid, column, seq) can seek.
     */
    public Condition beyond(Order order, Anchor anchor, boolean backwards) {
        return switch (order) {
            case Order.Insertion insertion -> backwards ? cdr.seq().lt(anchor.seq()) : cdr.seq().gt(anchor.seq());
            case Order.ByField byField -> beyond(byField.field(), byField.descending() != backwards, anchor);
            case Order.Shuffle shuffle -> throw new IllegalArgumentException("cursors cannot be used with shuffle");
        };
    }

    private Condition beyond(CdrField field, boolean descending, Anchor anchor) {
        Field<Object> column = column(field);
        Field<Long> seq = cdr.seq();
        Object value = anchor.value();
        if (value == null) {
            // Nulls come first ascending, last descending.
            return descending
                    ? column.isNull().and(seq.lt(anchor.seq()))
                    : column.isNull().and(seq.gt(anchor.seq())).or(column.isNotNull());
        }
        Condition range = descending
                ? column.le(value).and(column.lt(value).or(seq.lt(anchor.seq())))
                : column.ge(value).and(column.gt(value).or(seq.gt(anchor.seq())));
        return descending && !cdr.isRequired(field) ? range.or(column.isNull()) : range;
    }

    /** The anchor row itself: with {@link #beyond} backwards it gives "at or before", forwards "at or after". */
    public Condition is(Anchor anchor) {
        return cdr.seq().eq(anchor.seq());
    }

    /** A cursor's record: its insertion sequence and its value of the sort column (column type, may be null). */
    public record Anchor(long seq, Object value) {
    }
}
