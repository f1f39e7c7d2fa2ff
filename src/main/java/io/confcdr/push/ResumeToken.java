package io.confcdr.push;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A live stream's event id: base64url (no padding) of the last sent record's call_sid. Opaque to clients,
 * so the position could later carry more without breaking them; it names a stored record, so it survives
 * restarts and works against any process sharing the database.
 */
public final class ResumeToken {

    private ResumeToken() {
    }

    public static String of(String callSid) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(callSid.getBytes(StandardCharsets.UTF_8));
    }

    /** The call_sid the token names, or empty when it is not a token this stream gave out. */
    public static Optional<String> callSid(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            String sid = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // Re-encoding must give the token back: one position, one spelling.
            return sid.isEmpty() || !of(sid).equals(token) ? Optional.empty() : Optional.of(sid);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
