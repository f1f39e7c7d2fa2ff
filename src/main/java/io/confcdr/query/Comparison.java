package io.confcdr.query;

public enum Comparison {
    EQ, NE, GT, GE, LT, LE
}
