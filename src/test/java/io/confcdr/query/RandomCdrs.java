package io.confcdr.query;

import io.confcdr.model.Cdr;
import io.confcdr.model.Seconds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic conference legs for property tests, drawn from a seeded {@link Random}: several partners,
 * many missing values, deliberate ties (shared start times, durations, names), and strings that trip
 * collations and pattern matchers (emoji beside U+FFFD, ASCII and non-ASCII case pairs, quotes,
 * backslashes, SQL and GLOB wildcards). Every record is valid as ingest would accept it: the call lies
 * inside its dates and the meeting inside the call.
 */
public final class RandomCdrs {

    /** Text values that have broken ordering or matching somewhere; mixed into every text attribute. */
    public static final List<String> TRICKY_TEXT = List.of(
            "", " ", "a", "A", "b", "Z", "z", "zz", "Zoë", "ZOË", "zoë", "😀 Dana", "\uFFFD Eve", "\uFFFF", "日本語",
            "e\u0301", "é", "O'Brien", "\"quoted\"", "back\\slash", "100%", "a_b", "a%b", "*star?", "[x]", "a,b",
            "(paren)", "and", "null", "NULL", "Tom and Jerry", "tab\there", "+17605692222", "-1");

    private static final Instant EPOCH = Instant.parse("2024-12-14T10:00:00Z");
    private static final List<String> ROLES = Arrays.asList("host", "participant", "listener", null);
    private static final List<String> DIRECTIONS = Arrays.asList("inbound", "outbound", null);
    private static final List<String> CALL_TYPES = Arrays.asList("dc", "foreign", "private_asd", "private_call", "recording", null);
    private static final List<String> ORIGINATORS = Arrays.asList("src", "bridge", null);
    private static final List<String> REASONS = Arrays.asList("Normal", "Host left", "No answer", "normal", null);
    private static final List<Integer> CAUSES = Arrays.asList(16, 16, 17, 31, 127, 0, null);
    private static final List<String> NODES = Arrays.asList("11.22.33.44", "11.22.33.45", "10.0.0.9", null);
    private static final List<String> NUMBERS = Arrays.asList("+17605692222", "15162065515", "17605692222", "anonymous", "", null);
    private static final List<String> AGENTS = Arrays.asList("CX-IVS-SBC", "Zoiper rv2.10", "cx-ivs-sbc", "Linphone/5.2 (Android 14)", null);
    private static final List<String> BRIDGES = Arrays.asList("conference-bridge", "conference-bridge-2", null);

    private final Random random;
    private final List<String> partnerSids;
    private final List<String> meetingSids = new ArrayList<>();

    public RandomCdrs(Random random, List<String> partnerSids) {
        this.random = random;
        this.partnerSids = List.copyOf(partnerSids);
        for (int i = 0; i < 4; i++) {
            meetingSids.add(uuid());
        }
    }

    public List<Cdr> records(int count) {
        List<Cdr> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(record());
        }
        return records;
    }

    public Cdr record() {
        // Few distinct start seconds so that orders on dates have ties; sometimes with milliseconds.
        Instant start = EPOCH.plusSeconds(60L * random.nextInt(40)).plusMillis(random.nextInt(4) == 0 ? random.nextInt(1000) : 0);
        long callMillis = pick(Arrays.asList(0L, 50_000L, 50_000L, 4_250L, 9_500L, 10_000L, 3_600_000L, (long) random.nextInt(600_000)));
        Instant stop = start.plusMillis(callMillis);
        boolean joined = random.nextInt(4) != 0 && callMillis > 0;
        Instant join = joined ? start.plusMillis(random.nextLong(callMillis + 1)) : null;
        Instant disconnected = joined ? join.plusMillis(random.nextLong(stop.toEpochMilli() - join.toEpochMilli() + 1)) : null;
        // Bridges report durations to the microsecond, as CarrierX's "4.25015".
        long extraMicros = random.nextInt(5) == 0 ? random.nextInt(1000) : 0;
        Seconds duration = new Seconds(callMillis * 1000 + extraMicros);
        Seconds durationMeeting = joined ? Seconds.ofMillis(disconnected.toEpochMilli() - join.toEpochMilli()) : Seconds.ZERO;
        String numberSrc = pick(NUMBERS);
        return Cdr.builder()
                .addressDst(maybe(() -> "\"15162065515\" <sip:15162065515@11.22.33.44>", () -> "<sip:1516206551" + random.nextInt(10) + "@11.22.33.44>"))
                .addressSrc(maybe(() -> "<sip:" + numberSrc + "@12.34.56.78", () -> "\"Zoë 😀\" <sip:zoe@example.com>;tag=a\\b"))
                .audioKey(random.nextInt(3) == 0 ? "rec-" + random.nextInt(5) : null)
                .bridge(pick(BRIDGES))
                .callSid(uuid())
                .customCallType(pick(CALL_TYPES))
                .customName(text(Arrays.asList("Jane Doe", "Bob", "bob", null)))
                .dateDisconnected(disconnected)
                .dateJoin(join)
                .dateStart(start)
                .dateStop(stop)
                .direction(pick(DIRECTIONS))
                .disconnectCause(pick(CAUSES))
                .disconnectOriginator(pick(ORIGINATORS))
                .disconnectReason(text(REASONS))
                .duration(duration)
                .durationMeeting(durationMeeting)
                .endpointSid(random.nextBoolean() ? "e3ddc435-7b07-4f3a-98d5-4fe9be107652" : null)
                .meetingRoomSid(random.nextBoolean() ? "f752b4a5-b821-4322-a26f-db5cfbf014ab" : null)
                .meetingSid(random.nextInt(5) == 0 ? null : pick(meetingSids))
                .node(pick(NODES))
                .numberDst(pick(NUMBERS))
                .numberSrc(numberSrc)
                .partnerSid(pick(partnerSids))
                .role(pick(ROLES))
                .userAgent(text(AGENTS))
                .build();
    }

    /** A value from the usual ones, or now and then a tricky one. */
    private String text(List<String> usual) {
        return random.nextInt(3) == 0 ? pick(TRICKY_TEXT) : pick(usual);
    }

    private String maybe(java.util.function.Supplier<String> usual, java.util.function.Supplier<String> odd) {
        int roll = random.nextInt(6);
        return roll == 0 ? null : roll == 1 ? odd.get() : roll == 2 ? pick(TRICKY_TEXT) : usual.get();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
