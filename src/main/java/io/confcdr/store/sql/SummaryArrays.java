package io.confcdr.store.sql;

import java.nio.ByteBuffer;

/** The arrays of a slot summary as stored: big-endian 32-bit integers, one after the other. */
final class SummaryArrays {

    private SummaryArrays() {
    }

    static byte[] encode(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    static int[] decode(byte[] bytes) {
        int[] values = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).asIntBuffer().get(values);
        return values;
    }
}
