package io.confcdr.generate;

import io.confcdr.model.Cdr;
import io.confcdr.model.Seconds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The record rules of API.md §1 and §4, as an ingest would check them; returns every violation. */
final class IngestRules {

    private static final Set<String> CALL_TYPES = Set.of("dc", "foreign", "private_asd", "private_call", "recording");
    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");
    private static final Set<String> ORIGINATORS = Set.of("src", "bridge");
    private static final Set<String> ROLES = Set.of("host", "participant", "listener");

    private IngestRules() {
    }

    static List<String> violations(Cdr cdr, Set<String> partnerSids) {
        List<String> problems = new ArrayList<>();
        check(problems, cdr.callSid() != null, "call_sid missing");
        check(problems, cdr.partnerSid() != null && partnerSids.contains(cdr.partnerSid()), "partner not in the tree");
        check(problems, cdr.dateStart() != null && cdr.dateStop() != null, "date_start/date_stop missing");
        check(problems, cdr.dateInsert() == null, "date_insert set by the sender");
        check(problems, oneOf(cdr.customCallType(), CALL_TYPES), "custom_call_type " + cdr.customCallType());
        check(problems, oneOf(cdr.direction(), DIRECTIONS), "direction " + cdr.direction());
        check(problems, oneOf(cdr.disconnectOriginator(), ORIGINATORS), "originator " + cdr.disconnectOriginator());
        check(problems, oneOf(cdr.role(), ROLES), "role " + cdr.role());
        if (!problems.isEmpty()) {
            return problems;
        }
        check(problems, !cdr.dateStop().isBefore(cdr.dateStart()), "date_stop before date_start");
        check(problems, cdr.duration().equals(between(cdr.dateStart(), cdr.dateStop())), "duration");
        boolean joined = cdr.dateJoin() != null;
        check(problems, joined == (cdr.dateDisconnected() != null), "date_join without date_disconnected");
        if (joined) {
            check(problems, !cdr.dateJoin().isBefore(cdr.dateStart()), "joined before the call started");
            check(problems, !cdr.dateDisconnected().isBefore(cdr.dateJoin()), "left before joining");
            check(problems, !cdr.dateStop().isBefore(cdr.dateDisconnected()), "left after the call stopped");
            check(problems, cdr.durationMeeting().equals(between(cdr.dateJoin(), cdr.dateDisconnected())),
                    "duration_meeting");
        } else {
            check(problems, cdr.durationMeeting().equals(Seconds.ZERO), "duration_meeting of a call that never joined");
        }
        return problems;
    }

    private static Seconds between(java.time.Instant from, java.time.Instant to) {
        return Seconds.ofMillis(Duration.between(from, to).toMillis());
    }

    private static boolean oneOf(String value, Set<String> allowed) {
        return value == null || allowed.contains(value);
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
