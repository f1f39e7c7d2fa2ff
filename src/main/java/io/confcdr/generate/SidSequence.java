package io.confcdr.generate;

/**
 * UUID-shaped identifiers in the CarrierX style ({@code 69057c3e-bb90-4ed3-9c53-000000001142}): a prefix
 * derived from the seed and a 48-bit counter, so every sid of one run is unique by construction and runs
 * with different seeds do not collide. Formatting is done by hand: this runs once per record.
 */
final class SidSequence {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final char[] buffer = new char[36];
    private long next;

    SidSequence(long seed) {
        long high = mix(seed);
        long low = mix(high ^ 0x9E3779B97F4A7C15L);
        // 8-4-4-4 hex digits of prefix; the third group starts with 4 like a version-4 UUID.
        writeHex(high >>> 32, 8, 0);
        buffer[8] = '-';
        writeHex(high >>> 16, 4, 9);
        buffer[13] = '-';
        buffer[14] = '4';
        writeHex(high, 3, 15);
        buffer[18] = '-';
        buffer[19] = HEX[8 | (int) (low >>> 62)];
        writeHex(low, 3, 20);
        buffer[23] = '-';
    }

    String next() {
        writeHex(++next, 12, 24);
        return new String(buffer);
    }

    private void writeHex(long value, int digits, int offset) {
        for (int i = digits - 1; i >= 0; i--) {
            buffer[offset + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    /** SplitMix64's finaliser: spreads neighbouring seeds over the whole prefix space. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
