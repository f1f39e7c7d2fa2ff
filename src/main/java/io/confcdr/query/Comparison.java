package io.confcdr.query;

/** The ordering operators of a filter: {@code eq ne gt ge lt le}. */
public enum Comparison {
    EQ, NE, GT, GE, LT, LE;

    /** Whether a value that compares {@code comparison} (negative, zero, positive) to the operand satisfies this operator. */
    public boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
        };
    }
}
