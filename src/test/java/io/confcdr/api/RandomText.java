package io.confcdr.api;

import io.confcdr.model.Cdr;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded records whose free-text attributes mix what SIP headers and caller names really contain:
 * quotes, angle brackets, backslashes, control characters, accents, CJK, emoji (outside the BMP),
 * right-to-left text and JSON-significant characters. Valid by construction: lengths within bounds, no NUL.
 */
final class RandomText {

    private static final int[] ALPHABET = "aZ09 \"'\\<>;:@/=%&+?#{}[],\t\u0001\u001f\u007féÅßøΩЖ中文会议שלום😀🎧𝄞\u2028\u200d"
            .codePoints().toArray();

    private RandomText() {
    }

    static List<Cdr> records(Random random, int count, String partnerSid) {
        List<Cdr> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(Calls.leg(1_000 + i, partnerSid).toBuilder()
                    .addressSrc("\"" + text(random, 40) + "\" <sip:" + text(random, 20) + "@10.0.0.1>")
                    .addressDst(text(random, 200))
                    .customName(random.nextInt(5) == 0 ? null : text(random, 60))
                    .disconnectReason(text(random, 30))
                    .userAgent(text(random, 1024))
                    .bridge(text(random, 256))
                    .build());
        }
        return records;
    }

    /** Up to {@code maxCodePoints} code points drawn from the alphabet. */
    static String text(Random random, int maxCodePoints) {
        int length = random.nextInt(maxCodePoints + 1);
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }
}
