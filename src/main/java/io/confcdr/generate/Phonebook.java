package io.confcdr.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Telephone numbers and SIP addresses as bridges log them. Addresses come in the shapes seen in the
 * wild, including the awkward ones a store must keep byte for byte: quoted display names with commas,
 * escaped quotes and backslashes, unicode names, {@code ;tag=} parameters and a missing closing
 * {@code >} (as in CarrierX's own sample).
 */
final class Phonebook {

    private static final List<String> COUNTRY_CODES = List.of("1", "44", "49", "81", "61", "33", "34", "91");
    private static final List<String> CARRIER_HOSTS = List.of(
            "12.34.56.78", "203.0.113.7", "198.51.100.23", "192.0.2.41", "sip.example-carrier.net");
    private static final List<String> FOREIGN_BRIDGES = List.of("bridge.partner-cloud.example", "198.51.100.80");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SplittableRandom random;

    Phonebook(SplittableRandom random) {
        this.random = random;
    }

    /** An E.164 number; mostly in {@code homeCountry}, sometimes from abroad. */
    String e164(String homeCountry) {
        String country = random.nextInt(10) < 8 ? homeCountry : pick(COUNTRY_CODES);
        int nationalDigits = switch (country) {
            case "1", "44", "49", "91" -> 10;
            default -> 9;
        };
        var number = new StringBuilder(16).append('+').append(country);
        number.append((char) ('2' + random.nextInt(8)));
        for (int i = 1; i < nationalDigits; i++) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        return number.toString();
    }

    /** The calling number as signalled: usually E.164, sometimes without '+', sometimes withheld. */
    String signalledCaller(String e164) {
        int shape = random.nextInt(20);
        if (shape == 0) {
            return "anonymous";
        }
        return shape <= 2 ? e164.substring(1) : e164;
    }

    /** The calling party's address; {@code displayName} may be null. */
    String callerAddress(String number, String displayName) {
        String host = pick(CARRIER_HOSTS);
        var address = new StringBuilder(96);
        int shape = random.nextInt(20);
        if (shape == 0) {
            // As in CarrierX's sample: the closing '>' is missing and must survive untouched.
            return address.append("<sip:").append(number).append('@').append(host).toString();
        }
        if (shape == 1) {
            return address.append("sip:").append(number).append('@').append(host).toString();
        }
        if (displayName != null && shape < 14) {
            appendQuoted(address, displayName).append(' ');
        }
        address.append("<sip:").append(number).append('@').append(host);
        if (shape % 5 == 0) {
            address.append(";user=phone");
        }
        address.append('>');
        if (shape % 3 == 0) {
            appendTag(address);
        }
        return address.toString();
    }

    /** A browser leg: the user part is a random handle and the transport is secure websockets. */
    String webrtcAddress(String displayName) {
        var address = new StringBuilder(96);
        if (displayName != null) {
            appendQuoted(address, displayName).append(' ');
        }
        address.append("<sip:webrtc-");
        appendHex(address, random.nextLong(), 10);
        address.append("@webrtc.confcdr.example;transport=wss>");
        appendTag(address);
        return address.toString();
    }

    /** A leg cascaded in from another conference platform. */
    String foreignAddress(String number) {
        var address = new StringBuilder(80).append("<sip:").append(number).append('@').append(pick(FOREIGN_BRIDGES));
        address.append(";transport=tls>");
        appendTag(address);
        return address.toString();
    }

    /** A dialled-out party, as the bridge addresses it through a carrier. */
    String calleeAddress(String number) {
        return "<sip:" + number + '@' + pick(CARRIER_HOSTS) + ";user=phone>";
    }

    /** The meeting room's access number on the bridge, in CarrierX's sample shape. */
    static String roomAddress(String digits, String node) {
        return "\"" + digits + "\" <sip:" + digits + '@' + node + '>';
    }

    static String recorderAddress(String node) {
        return "<sip:recorder@" + node + ">";
    }

    private void appendTag(StringBuilder address) {
        address.append(";tag=");
        appendHex(address, random.nextLong(), 8);
    }

    /** RFC 3261 quoted-string: backslash and double quote are escaped. */
    private static StringBuilder appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"');
    }

    private static void appendHex(StringBuilder out, long value, int digits) {
        for (int i = 0; i < digits; i++) {
            out.append(HEX[(int) (value & 0xF)]);
            value >>>= 4;
        }
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
