package io.confcdr.generate;

import io.confcdr.generate.Catalog.Failure;
import io.confcdr.model.Cdr;
import io.confcdr.model.Seconds;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Builds the legs of one meeting. The host dials in first and its leaving ends the meeting: legs still
 * present are then disconnected by the bridge. Other legs join early or late, some leave on their own,
 * a few never join (failed calls with their ISDN cause), and some meetings are recorded by a bridge leg.
 */
final class MeetingFactory {

    static final double RECORDED_MEETINGS = 0.2;
    private static final double STAYS_UNTIL_END = 0.6;
    private static final int[] FAILURE_WEIGHTS = {25, 10, 20, 10, 5, 8, 5, 10, 7};
    private static final long MIN_MEETING_MILLIS = 60_000;
    private static final long MAX_MEETING_MILLIS = 4 * 3_600_000;

    private final SplittableRandom random;
    private final SidSequence sids;
    private final Phonebook phonebook;
    private final RoomDirectory rooms;
    private final double failureRate;

    /** @param failureRate chance that a guest's call fails (the host's never does) */
    MeetingFactory(SplittableRandom random, SidSequence sids, Phonebook phonebook, RoomDirectory rooms,
            double failureRate) {
        this.random = random;
        this.sids = sids;
        this.phonebook = phonebook;
        this.rooms = rooms;
        this.failureRate = failureRate;
    }

    /** Emits {@code size} legs (host first) of a meeting whose first call starts at {@code startMillis}. */
    void build(long startMillis, Tenant tenant, int size, Consumer<Cdr> out) {
        var meeting = new Meeting(tenant, rooms.pick(tenant), phonebook.pick(Catalog.BRIDGES.get(tenant.region())),
                sids.next(), startMillis);
        out.accept(host(meeting));
        int guests = size - 1;
        if (guests > 0 && random.nextDouble() < RECORDED_MEETINGS) {
            out.accept(recording(meeting));
            guests--;
        }
        double listenerShare = size > 50 ? 0.85 : 0.08;
        for (int i = 0; i < guests; i++) {
            if (random.nextDouble() < failureRate) {
                out.accept(failed(meeting));
            } else {
                out.accept(guest(meeting, random.nextDouble() < listenerShare ? "listener" : "participant"));
            }
        }
    }

    /** What all legs of one meeting share, and when its host joins and leaves. */
    private final class Meeting {
        final Tenant tenant;
        final Room room;
        final Bridge bridge;
        final String sid;
        final long hostStart;
        final long hostJoin;
        final long end;

        Meeting(Tenant tenant, Room room, Bridge bridge, String sid, long hostStart) {
            this.tenant = tenant;
            this.room = room;
            this.bridge = bridge;
            this.sid = sid;
            this.hostStart = hostStart;
            this.hostJoin = hostStart + between(3_000, 25_000);
            // Log-normal length around half an hour, bounded to a minute .. four hours.
            long length = (long) Math.exp(Math.log(1_800_000) + 0.8 * random.nextGaussian());
            this.end = hostJoin + Math.clamp(length, MIN_MEETING_MILLIS, MAX_MEETING_MILLIS);
        }

        Cdr.Builder leg() {
            return Cdr.builder()
                    .bridge(bridge.name())
                    .node(bridge.node())
                    .callSid(sids.next())
                    .meetingSid(sid)
                    .meetingRoomSid(room.sid())
                    .endpointSid(room.endpointSid())
                    .partnerSid(tenant.partner().sid());
        }
    }

    private Cdr host(Meeting m) {
        long stop = m.end + between(0, 800);
        Cdr.Builder leg = m.leg().role("host");
        inbound(m, leg, random.nextInt(10) < 7 ? Catalog.DESK_PHONES : Catalog.SOFTPHONES);
        return joined(leg, m.hostStart, m.hostJoin, m.end, stop, "src", Catalog.REASON_NORMAL);
    }

    private Cdr recording(Meeting m) {
        long start = m.hostJoin + between(200, 1_500);
        long join = start + between(100, 400);
        long disconnected = m.end + between(200, 1_200);
        Cdr.Builder leg = m.leg()
                .customCallType("recording")
                .role(random.nextBoolean() ? "listener" : null)
                .audioKey(sids.next())
                .direction("outbound")
                .addressSrc(Phonebook.recorderAddress(m.bridge.node()))
                .addressDst(Phonebook.roomAddress(m.room.accessDigits(), m.bridge.node()))
                .numberDst(m.room.accessDigits())
                .userAgent(Catalog.RECORDER);
        return joined(leg, start, join, disconnected, disconnected + between(0, 300), "bridge",
                Catalog.REASON_HOST_LEFT);
    }

    private Cdr guest(Meeting m, String role) {
        long start = guestStart(m);
        Cdr.Builder leg = m.leg().role(role);
        int kind = random.nextInt(100);
        long answer;
        if (kind < 6) {
            dialOut(m, leg, phonebook.e164(m.tenant.countryCode()));
            answer = between(2_000, 9_000);
        } else {
            answer = between(4_000, 30_000);
            if (kind < 9) {
                String number = phonebook.e164(m.tenant.countryCode());
                leg.customCallType("foreign").direction("inbound")
                        .numberSrc(number).addressSrc(phonebook.foreignAddress(number))
                        .userAgent(phonebook.pick(Catalog.SBCS));
                calledRoom(m, leg);
            } else {
                inbound(m, leg, userAgents());
                if (kind < 11) {
                    leg.customCallType("private_call");
                } else if (kind < 12) {
                    leg.customCallType("private_asd");
                }
            }
        }
        long join = Math.min(start + answer, m.end - 1_000);
        if (random.nextDouble() < STAYS_UNTIL_END) {
            long disconnected = m.end + between(100, 2_000);
            return joined(leg, start, join, disconnected, disconnected + between(0, 500), "bridge",
                    Catalog.REASON_HOST_LEFT);
        }
        long disconnected = join + between(1_000, m.end - join);
        return joined(leg, start, join, disconnected, disconnected + between(0, 500), "src", Catalog.REASON_NORMAL);
    }

    private Cdr failed(Meeting m) {
        Failure failure = Catalog.FAILURES.get(weightedFailure());
        long start = guestStart(m);
        Cdr.Builder leg = m.leg();
        String number = phonebook.e164(m.tenant.countryCode());
        long ringing;
        if (failure.dialOut()) {
            dialOut(m, leg, number);
            ringing = failure.cause() == 17 ? between(500, 3_000) : between(20_000, 60_000);
        } else {
            inbound(m, leg, userAgents());
            ringing = between(50, 8_000);
        }
        long stop = start + ringing;
        return leg.dateStart(Instant.ofEpochMilli(start))
                .dateStop(Instant.ofEpochMilli(stop))
                .duration(Seconds.ofMillis(stop - start))
                .durationMeeting(Seconds.ZERO)
                .disconnectCause(failure.cause())
                .disconnectReason(failure.reason())
                .disconnectOriginator(failure.originator())
                .build();
    }

    /** Most guests arrive in the first minutes; some drop in later, always before the host leaves. */
    private long guestStart(Meeting m) {
        long latest = Math.max(0, (m.end - m.hostStart) * 9 / 10 - 31_000);
        long offset = random.nextInt(10) < 8 ? between(0, Math.min(600_000, latest / 3)) : between(0, latest);
        return m.hostStart + offset;
    }

    private void inbound(Meeting m, Cdr.Builder leg, List<String> agents) {
        String userAgent = phonebook.pick(agents);
        String number = phonebook.e164(m.tenant.countryCode());
        String name = random.nextInt(10) < 6 ? phonebook.pick(Catalog.NAMES) : null;
        boolean browser = agents == Catalog.WEBRTC;
        leg.direction("inbound")
                .numberSrc(browser ? null : phonebook.signalledCaller(number))
                .addressSrc(browser ? phonebook.webrtcAddress(name) : phonebook.callerAddress(number, name))
                .customName(random.nextBoolean() ? name : null)
                .userAgent(userAgent);
        calledRoom(m, leg);
    }

    private static void calledRoom(Meeting m, Cdr.Builder leg) {
        leg.numberDst(m.room.accessDigits()).addressDst(Phonebook.roomAddress(m.room.accessDigits(), m.bridge.node()));
    }

    private void dialOut(Meeting m, Cdr.Builder leg, String callee) {
        leg.customCallType("dc").direction("outbound")
                .numberSrc("+" + m.room.accessDigits())
                .addressSrc("<sip:+" + m.room.accessDigits() + "@" + m.bridge.node() + ">")
                .numberDst(callee)
                .addressDst(phonebook.calleeAddress(callee))
                .userAgent(phonebook.pick(Catalog.SBCS));
    }

    private List<String> userAgents() {
        int kind = random.nextInt(20);
        if (kind < 9) {
            return Catalog.DESK_PHONES;
        }
        if (kind < 13) {
            return Catalog.SOFTPHONES;
        }
        return kind < 16 ? Catalog.WEBRTC : Catalog.SBCS;
    }

    private static Cdr joined(Cdr.Builder leg, long start, long join, long disconnected, long stop,
            String originator, String reason) {
        return leg.dateStart(Instant.ofEpochMilli(start))
                .dateJoin(Instant.ofEpochMilli(join))
                .dateDisconnected(Instant.ofEpochMilli(disconnected))
                .dateStop(Instant.ofEpochMilli(stop))
                .duration(Seconds.ofMillis(stop - start))
                .durationMeeting(Seconds.ofMillis(disconnected - join))
                .disconnectCause(Catalog.NORMAL_CLEARING)
                .disconnectOriginator(originator)
                .disconnectReason(reason)
                .build();
    }

    private int weightedFailure() {
        int target = random.nextInt(100);
        for (int i = 0; i < FAILURE_WEIGHTS.length; i++) {
            target -= FAILURE_WEIGHTS[i];
            if (target < 0) {
                return i;
            }
        }
        return FAILURE_WEIGHTS.length - 1;
    }

    /** Uniform in [low, high]; {@code high <= low} gives {@code low}. */
    private long between(long low, long high) {
        return high <= low ? low : random.nextLong(low, high + 1);
    }
}
