package io.confcdr.api;

import io.confcdr.model.Cdr;
import io.confcdr.model.Seconds;
import io.confcdr.store.TestRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Realistic conference call legs, shaped like CarrierX's own, some with the strings that break naive code. */
final class Calls {

    private static final Instant MEETING_START = Instant.parse("2024-12-14T10:03:14Z");

    private Calls() {
    }

    /** The {@code n}th leg of a meeting of {@code partnerSid}: a participant who joined 16 s after dialling in. */
    static Cdr leg(int n, String partnerSid) {
        Instant start = MEETING_START.plusSeconds(7L * n);
        Instant join = start.plusSeconds(16);
        Instant disconnected = join.plus(Duration.ofMillis(30_000 + 250L * n));
        Instant stop = disconnected.plusMillis(500);
        return TestRecords.carrierxSample().toBuilder()
                .addressSrc("<sip:+1760569%04d@12.34.56.78>".formatted(n))
                .callSid("69057c3e-bb90-4ed3-9c53-%012d".formatted(n))
                .dateDisconnected(disconnected)
                .dateInsert(null)
                .dateJoin(join)
                .dateStart(start)
                .dateStop(stop)
                .duration(Seconds.ofMillis(Duration.between(start, stop).toMillis()))
                .durationMeeting(Seconds.ofMillis(Duration.between(join, disconnected).toMillis()))
                .numberSrc("+1760569%04d".formatted(n))
                .partnerSid(partnerSid)
                .role(n == 0 ? "host" : "participant")
                .build();
    }

    /** Legs whose strings carry quotes, SIP brackets, backslashes, unicode and emoji, or are mostly null. */
    static List<Cdr> tricky(String partnerSid) {
        return List.of(
                leg(101, partnerSid).toBuilder()
                        .addressSrc("\"O'Brien \\\"the boss\\\"\" <sip:+353861234567@10.0.0.7;transport=tcp>")
                        .customName("Zoë Ångström — 会议 🎧")
                        .userAgent("Linphone/5.2 (belle-sip) \\ backslash \\\\ double")
                        .customCallType("private_call")
                        .build(),
                leg(102, partnerSid).toBuilder()
                        .addressDst("<sip:bridge@conf.example.com>;tag=a\tb")
                        .customName("\u0001control\u001f and \u2028 line separator")
                        .disconnectReason("Caller hung up: \"BYE\" </script><script>alert(1)</script>")
                        .direction("outbound")
                        .disconnectOriginator("bridge")
                        .role("listener")
                        .customCallType("recording")
                        .audioKey("recordings/2024/12/14/69057c3e.wav")
                        .duration(Seconds.parse("4.25015"))
                        .durationMeeting(Seconds.parse("0.000001"))
                        .build(),
                TestRecords.withNulls(leg(103, partnerSid).toBuilder()
                        .dateStart(Instant.parse("2024-12-14T11:00:00.123Z"))
                        .dateStop(Instant.parse("2024-12-14T11:00:09.999Z"))
                        .duration(Seconds.parse("9.876"))
                        .durationMeeting(Seconds.ZERO)
                        .build()));
    }
}
