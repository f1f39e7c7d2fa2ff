package io.confcdr.store;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.FieldType;
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

    /**
     * The record of CarrierX's documentation sample ({@code carrierx-sample.json}), byte for byte when
     * written: the one realistic record other fixtures start from and vary. Its address_src lacks the
     * closing {@code >}, as in the sample.
     */
    public static Cdr carrierxSample() {
        return Cdr.builder()
                .addressDst("\"15162065515\" <sip:15162065515@11.22.33.44>")
                .addressSrc("<sip:+17605692222@12.34.56.78")
                .bridge("conference-bridge")
                .callSid("69057c3e-bb90-4ed3-9c53-000000001142")
                .dateDisconnected(Instant.parse("2024-12-14T10:04:04Z"))
                .dateInsert(Instant.parse("2024-12-14T11:01:03.195Z"))
                .dateJoin(Instant.parse("2024-12-14T10:03:30Z"))
                .dateStart(Instant.parse("2024-12-14T10:03:14Z"))
                .dateStop(Instant.parse("2024-12-14T10:04:04Z"))
                .direction("inbound")
                .disconnectCause(16)
                .disconnectOriginator("src")
                .disconnectReason("Normal")
                .duration(Seconds.parse("50"))
                .durationMeeting(Seconds.parse("34"))
                .endpointSid("e3ddc435-7b07-4f3a-98d5-4fe9be107652")
                .meetingRoomSid("f752b4a5-b821-4322-a26f-db5cfbf014ab")
                .meetingSid("69057c3e-bb90-4ed3-9c53-000000000392")
                .node("11.22.33.44")
                .numberDst("15162065515")
                .numberSrc("+17605692222")
                .partnerSid("cee93bf3-5746-43fe-a1a2-822c05fef687")
                .role("host")
                .userAgent("CX-IVS-SBC")
                .build();
    }

    /**
     * {@code record} with every attribute unknown that a record may lack: only the attributes a sender must
     * supply, the ones confcdr sets, and the durations (which ingest always fills in) keep their values.
     */
    public static Cdr withNulls(Cdr record) {
        Object[] values = new Object[CdrField.values().length];
        for (CdrField field : CdrField.values()) {
            if (field.isRequired() || field.isSetByConfcdr() || field.type() == FieldType.SECONDS) {
                values[field.ordinal()] = field.get(record);
            }
        }
        return Cdr.fromValues(values);
    }

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
