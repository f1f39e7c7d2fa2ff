package io.confcdr.store;

import io.confcdr.model.Cdr;
import io.confcdr.model.Seconds;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Realistic CDRs for one test: a partner of its own (so tests share a database without seeing each
 * other's records) and call_sids that are unique across runs.
 */
public final class TestRecords {

    public static final Instant BASE = Instant.parse("2024-10-31T18:00:00Z");

    private final String partnerSid = "partner-" + UUID.randomUUID();
    private final String prefix = UUID.randomUUID().toString().substring(0, 8) + "-";
    private int count;

    public String partnerSid() {
        return partnerSid;
    }

    /** A unique call_sid that reads as {@code name} in assertion messages. */
    public String sid(String name) {
        return prefix + name;
    }

    /** The name given to {@link #sid}, recovered from a stored call_sid. */
    public String name(Cdr cdr) {
        return cdr.callSid().substring(prefix.length());
    }

    /** A host leg that joined two seconds after the call started and left one second before it ended. */
    public Cdr.Builder call(String name) {
        int n = ++count;
        Instant start = BASE.plus(Duration.ofMinutes(n)).plusMillis(n * 7L);
        Instant stop = start.plusSeconds(95).plusMillis(250);
        Instant join = start.plusSeconds(2);
        Instant disconnected = stop.minusSeconds(1);
        return Cdr.builder()
                .addressDst("sip:15162065300@conference.example.net")
                .addressSrc("\"Alice Smith\" <sip:+15162065310@198.51.100.7:5060;transport=udp>;tag=" + n)
                .audioKey(null)
                .bridge("bridge-1")
                .callSid(sid(name))
                .customCallType("dc")
                .customName("Alice")
                .dateDisconnected(disconnected)
                .dateJoin(join)
                .dateStart(start)
                .dateStop(stop)
                .direction("inbound")
                .disconnectCause(16)
                .disconnectOriginator("src")
                .disconnectReason("Normal Clearing")
                .duration(Seconds.ofMillis(Duration.between(start, stop).toMillis()))
                .durationMeeting(Seconds.ofMillis(Duration.between(join, disconnected).toMillis()))
                .endpointSid("endpoint-" + partnerSid)
                .meetingRoomSid("room-7")
                .meetingSid("meeting-" + (n % 3))
                .node("198.51.100.20")
                .numberDst("15162065300")
                .numberSrc("15162065310")
                .partnerSid(partnerSid)
                .role("host")
                .userAgent("Zoiper rv2.10.20.2");
    }
}
