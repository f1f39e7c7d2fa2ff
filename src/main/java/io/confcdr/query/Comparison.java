package io.confcdr.query;

/** The ordering operators of a filter: {@code eq ne gt ge lt le}. */
public enum Comparison {
    EQ, NE, GT, GE, LT, LE
}
