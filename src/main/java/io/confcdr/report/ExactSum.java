package io.confcdr.report;

import java.math.BigInteger;

/** A running sum of longs that never overflows: long arithmetic until it would, BigInteger from then on. */
final class ExactSum {

    private long small;
    private BigInteger big;

    void add(long value) {
        if (big != null) {
            big = big.add(BigInteger.valueOf(value));
            return;
        }
        long sum = small + value;
        // Overflow iff both operands have the sign opposite to the result's.
        if (((small ^ sum) & (value ^ sum)) < 0) {
            big = BigInteger.valueOf(small).add(BigInteger.valueOf(value));
        } else {
            small = sum;
        }
    }

    BigInteger value() {
        return big != null ? big : BigInteger.valueOf(small);
    }
}
